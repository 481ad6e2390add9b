package app.parley.server.api.v1;

import app.parley.model.invite.InviteLink;
import app.parley.server.common.PublicAddress;
import app.parley.server.errors.ParleyException;
import app.parley.server.invites.InviteDetails;
import app.parley.server.invites.InvitePreviewDetails;
import app.parley.server.invites.InviteService;
import app.parley.server.invites.InviteState;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page an invite's http link opens in a browser: which group, who invited, a button that
 * opens the desktop app, and how to join without it. Public: holding the token is the permission.
 */
@Controller("/invite")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class InvitePageController {
    private final InviteService invites;
    private final String template;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(title|body)}}");
    private final Escaper html = HtmlEscapers.htmlEscaper();

    InvitePageController(InviteService invites, ResourceResolver resources) {
        this.invites = invites;
        try (InputStream in =
                resources.getResourceAsStream("classpath:web/invite.html").orElseThrow()) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/{token}{/}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    MutableHttpResponse<String> page(String token, HttpRequest<?> request) {
        InvitePreviewDetails preview;
        try {
            preview = invites.previewForAnyone(token);
        } catch (ParleyException e) {
            return page(HttpStatus.NOT_FOUND, "Invite not found", """
                <h1>This invite does not exist</h1>
                <p class="muted">The link may be mistyped or cut short. Ask the person who sent it for a new one.</p>\
                """);
        }
        InviteDetails details = preview.details();
        String group = html.escape(details.chat().name());
        String inviter = html.escape(details.inviter().name());
        if (details.state() != InviteState.ACTIVE) {
            String why = switch (details.state()) {
                case EXPIRED -> "has expired";
                case REVOKED -> "was withdrawn";
                case USED_UP -> "has been used as many times as it allows";
                case ACTIVE -> throw new IllegalStateException();
            };
            return page(HttpStatus.GONE, "Invite to " + details.chat().name(), """
                <h1>This invite to %s %s</h1>
                <p class="muted">Ask %s for a new link.</p>\
                """.formatted(group, why, inviter));
        }
        String appLink = html.escape(InviteLink.appLink(details.invite().token()));
        String server = html.escape(PublicAddress.http(request));
        long members = preview.memberCount();
        return page(HttpStatus.OK, "Join " + details.chat().name(), """
            <p class="muted">%s invites you to join</p>
            <h1>%s</h1>
            <p class="muted">%d %s</p>
            <a class="open" href="%s">Open in Parley</a>
            <p>Not opening? In the Parley app:</p>
            <ol>
              <li>Connect to the server <code>%s</code> and sign in (or create an account).</li>
              <li>Choose <em>Join with invite</em> and paste this link: <code>%s</code></li>
            </ol>\
            """.formatted(
                        inviter, group, members, members == 1 ? "member" : "members", appLink, server, appLink));
    }

    private MutableHttpResponse<String> page(HttpStatus status, String title, String body) {
        // One pass over the template: a name that looks like a placeholder stays text.
        Map<String, String> values = Map.of("title", html.escape(title), "body", body);
        String page =
                PLACEHOLDER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
        return HttpResponse.<String>status(status)
                .body(page)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                // The token is in the URL: keep it out of Referer headers and caches.
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    }
}
