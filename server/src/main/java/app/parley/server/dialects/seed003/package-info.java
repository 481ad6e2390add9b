/**
 * Seed 003 ("Web_chat2", {@code seeds/seed-003-web-chat2.txt}): register, log in, and two-person
 * chats addressed by the other user's name, at the server's root paths. A thin adapter over the
 * account, chat and message services: it translates shapes and status codes and nothing else.
 * See {@code docs/seed-003.md}.
 */
package app.parley.server.dialects.seed003;
