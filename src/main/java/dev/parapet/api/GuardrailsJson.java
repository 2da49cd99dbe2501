package dev.parapet.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.chat.GuardrailsReport;
import dev.parapet.chat.StageResult;
import dev.parapet.policy.Intervention;
import dev.parapet.rails.Finding;
import dev.parapet.rails.Span;
import java.util.List;

/** The {@code guardrails} block of responses, and the finding and intervention shapes inside it. */
final class GuardrailsJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GuardrailsJson() {}

    static ObjectNode report(GuardrailsReport report) {
        ObjectNode g = JSON.objectNode();
        g.put("decision", report.decision().wireName());
        g.set("interventions", interventions(report.interventions()));
        g.put("policy_version", report.policyVersion());
        g.put("audit_id", report.auditId());
        ArrayNode notices = g.putArray("notices");
        report.notices().forEach(notices::add);
        g.put("config", report.configName());
        ArrayNode consulted = g.putArray("consulted");
        report.consulted().forEach(consulted::add);
        return g;
    }

    static ArrayNode interventions(List<Intervention> interventions) {
        ArrayNode list = JSON.arrayNode();
        for (Intervention i : interventions) {
            ObjectNode o = list.addObject();
            o.put("stage", i.stage().wireName());
            o.put("rail", i.rail());
            o.put("category", i.category());
            o.put("score", round(i.score()));
            o.put("action", i.action().wireName());
            o.put("rule", i.rule());
        }
        return list;
    }

    static ArrayNode findings(StageResult result) {
        ArrayNode list = JSON.arrayNode();
        for (Finding f : result.findings()) {
            ObjectNode o = list.addObject();
            o.put("rail", f.rail());
            o.put("category", f.category());
            o.put("score", round(f.score()));
            ArrayNode spans = o.putArray("spans");
            for (Span s : f.spans()) {
                ObjectNode span = spans.addObject();
                span.put("start", s.start());
                span.put("end", s.end());
                span.put("label", s.label());
            }
            o.put("evidence", f.evidence());
        }
        return list;
    }

    static double round(double score) {
        return Math.round(score * 10_000d) / 10_000d;
    }
}
