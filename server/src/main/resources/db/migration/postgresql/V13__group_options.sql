-- Who may mention everyone in a group with @all: 'members' (anyone in it), 'owner', or 'off'.
ALTER TABLE chats ADD COLUMN all_mentions TEXT NOT NULL DEFAULT 'members';
