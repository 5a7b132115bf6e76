package org.chainwise.api.lti.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.chainwise.api.lti.PracticeSetDefinition;
import org.chainwise.api.store.ResourceLinkStore;

/**
 * The few HTML pages of the LTI flow: auto-posting forms, the platform-storage steps of the LTI
 * client-side postMessages, and the deep-linking picker. Each works inside a cross-origin iframe
 * and needs no cookie; every value is HTML-escaped, and JSON handed to scripts sits in a
 * {@code <script type="application/json">} element whose text is escaped for that context.
 */
final class LtiPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LtiPages() {
    }

    /** A page whose form sends {@code fields} to {@code action} as soon as it loads (the form has a button for browsers without scripts). */
    static String autoPost(String title, URI action, String method, Map<String, String> fields) {
        return page(title, form("continue", action, method, fields, "Continue")
                + "<script>document.getElementById('continue').submit()</script>");
    }

    /**
     * The login step with platform storage: store the state and nonce in the platform's frame
     * ({@code lti.put_data}), then go on to the platform's authentication request. The state cookie
     * is set as well; if the storage does not answer within two seconds the page goes on anyway
     * and the cookie alone must carry the state.
     */
    static String storeStateThenAuthenticate(String storageTarget, String platformOrigin, String state, String nonce,
            URI authUrl, Map<String, String> authParameters) {
        String config = json(Map.of("target", storageTarget, "origin", platformOrigin,
                "put", List.of(Map.of("key", "state_" + state, "value", state),
                        Map.of("key", "nonce_" + nonce, "value", nonce))));
        String script = """
                <script type="application/json" id="lti-storage">%s</script>
                <script>
                (function () {
                  var c = JSON.parse(document.getElementById('lti-storage').textContent);
                  var form = document.getElementById('continue');
                  var host = window.parent !== window ? window.parent : window.opener;
                  var frame = !host ? null : (c.target === '_parent' ? host : host.frames[c.target]);
                  if (!frame) { form.submit(); return; }
                  var pending = c.put.length, done = false;
                  function go() { if (!done) { done = true; form.submit(); } }
                  window.addEventListener('message', function (e) {
                    if (e.origin !== c.origin || !e.data || e.data.subject !== 'lti.put_data.response') { return; }
                    if (--pending === 0) { go(); }
                  });
                  c.put.forEach(function (p, i) {
                    frame.postMessage({subject: 'lti.put_data', message_id: 'chainwise-put-' + i + '-' + Date.now(),
                      key: p.key, value: p.value}, c.origin);
                  });
                  setTimeout(go, 2000);
                })();
                </script>""".formatted(scriptJson(config));
        return page("Signing in", form("continue", authUrl, "get", authParameters, "Continue") + script);
    }

    /**
     * The launch step with platform storage: read the state back from the platform's frame
     * ({@code lti.get_data}) and post the launch again with what it held (or why it could not).
     */
    static String checkStateInPlatformStorage(String storageTarget, String platformOrigin, String state, URI launchUrl,
            String idToken) {
        String config = json(Map.of("target", storageTarget, "origin", platformOrigin, "key", "state_" + state));
        String script = """
                <script type="application/json" id="lti-storage">%s</script>
                <script>
                (function () {
                  var c = JSON.parse(document.getElementById('lti-storage').textContent);
                  var form = document.getElementById('launch');
                  var host = window.parent !== window ? window.parent : window.opener;
                  var frame = !host ? null : (c.target === '_parent' ? host : host.frames[c.target]);
                  var done = false;
                  function post(value, error) {
                    if (done) { return; }
                    done = true;
                    form.elements['lti_storage_state'].value = value || '';
                    form.elements['lti_storage_error'].value = error || '';
                    form.submit();
                  }
                  if (!frame) { post('', 'the platform storage frame is not reachable'); return; }
                  var id = 'chainwise-get-' + Date.now();
                  window.addEventListener('message', function (e) {
                    if (e.origin !== c.origin || !e.data || e.data.subject !== 'lti.get_data.response'
                        || e.data.message_id !== id) { return; }
                    if (e.data.error) { post('', 'platform storage: ' + (e.data.error.message || e.data.error.code)); return; }
                    post(e.data.value, e.data.value ? '' : 'platform storage holds no state');
                  });
                  frame.postMessage({subject: 'lti.get_data', message_id: id, key: c.key}, c.origin);
                  setTimeout(function () { post('', 'platform storage did not answer'); }, 3000);
                })();
                </script>""".formatted(scriptJson(config));
        return page("Signing in", form("launch", launchUrl, "post", Map.of("id_token", idToken, "state", state,
                "lti_storage_state", "", "lti_storage_error", ""), "Continue") + script);
    }

    /**
     * The deep-linking picker: one of the course's sets to place again, or a new one configured
     * here (a title, the skills to practise, and when the set is complete).
     */
    static String picker(URI action, String formToken, String courseTitle, List<String> skills,
            List<ResourceLinkStore.PlacedSet> placed) {
        StringBuilder body = new StringBuilder("<h1>Add a Chainwise practice set</h1>");
        if (courseTitle != null) {
            body.append("<p>to ").append(escape(courseTitle)).append("</p>");
        }
        body.append("<form id=\"pick\" method=\"post\" action=\"").append(escape(action.toString())).append("\">")
                .append(hidden("request", formToken));
        if (!placed.isEmpty()) {
            body.append("<p><label>Place <select name=\"existing\"><option value=\"\" selected>a new set, as below</option>");
            for (ResourceLinkStore.PlacedSet set : placed) {
                body.append("<option value=\"").append(set.practiceSetId()).append("\">")
                        .append(escape(set.definition().title())).append(" (")
                        .append(escape(String.join(", ", set.definition().skills()).toLowerCase().replace('_', ' ')))
                        .append(")</option>");
            }
            body.append("</select></label></p>");
        }
        body
                .append("<p><label>Title <input type=\"text\" name=\"title\" value=\"")
                .append(escape(PracticeSetDefinition.DEFAULT_TITLE)).append("\" maxlength=\"200\"></label></p>")
                .append("<fieldset><legend>Skills</legend>");
        for (String skill : skills) {
            boolean checked = PracticeSetDefinition.DEFAULT_SKILLS.contains(skill);
            body.append("<label><input type=\"checkbox\" name=\"skills\" value=\"").append(escape(skill)).append("\"")
                    .append(checked ? " checked" : "").append("> ").append(escape(skill.toLowerCase().replace('_', ' ')))
                    .append("</label><br>");
        }
        body.append("</fieldset><p><label>Complete when <select name=\"completion\">")
                .append("<option value=\"mastery:0.95\" selected>every skill is mastered (95%)</option>")
                .append("<option value=\"mastery:0.8\">every skill is mastered (80%)</option>")
                .append("<option value=\"items:10\">10 items are answered</option>")
                .append("<option value=\"items:20\">20 items are answered</option>")
                .append("</select></label></p><p><button type=\"submit\">Add to course</button></p></form>");
        return page("Add a Chainwise practice set", body.toString());
    }

    private static String form(String id, URI action, String method, Map<String, String> fields, String button) {
        StringBuilder html = new StringBuilder("<form id=\"").append(id).append("\" method=\"").append(method)
                .append("\" action=\"").append(escape(action.toString())).append("\">");
        fields.forEach((name, value) -> html.append(hidden(name, value)));
        return html.append("<noscript><button type=\"submit\">").append(button).append("</button></noscript></form>")
                .toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
                + body + "</body></html>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** JSON safe inside a script element: no "</script>" or "<!--" can close or confuse it. */
    private static String scriptJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and lists always serialise", e);
        }
    }
}
