package dev.parapet.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parapet.security.RequestContext;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text here was written by us for this test; the numbers are published test values or made up. */
class PiiRailTest {

    private final PiiRail rail = new PiiRail();

    private List<Finding> check(String text, String... kinds) {
        return RailPipeline.checked(new ConfiguredRail(rail, new PiiRail.Settings(List.of(kinds))),
                new RailInput(Stage.INPUT, text, RequestContext.offline("test")));
    }

    /** The exact substrings each category's spans cover. */
    private static String covered(String text, List<Finding> findings, String category) {
        return findings.stream().filter(f -> f.category().equals(category))
                .flatMap(f -> f.spans().stream())
                .map(s -> s.label() + ":" + text.substring(s.start(), s.end()))
                .collect(Collectors.joining("|"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Write to jane.doe+billing@example.co.uk about the invoice.; email; EMAIL:jane.doe+billing@example.co.uk",
            "Apply by sending your CV to jobs@westwardcreative.example.; role_email; EMAIL:jobs@westwardcreative.example",
            "Questions about your data: Privacy+EU@shop.example; role_email; EMAIL:Privacy+EU@shop.example",
            "Impressum: info@beispiel.de; role_email; EMAIL:info@beispiel.de",
            "write to maria.support@acme.example instead; email; EMAIL:maria.support@acme.example",
            "or to info.anna@acme.example; email; EMAIL:info.anna@acme.example",
            "Call me on +44 20 7946 0958 tomorrow.; phone; PHONE:+44 20 7946 0958",
            "My cell is (415) 555-2671, text first.; phone; PHONE:(415) 555-2671",
            "Ruf an: 030 12345678 oder per Post.; phone; PHONE:030 12345678",
            "Appelle-moi au 06 12 34 56 78 ce soir.; phone; PHONE:06 12 34 56 78",
            "E.164 form +14155552671 works too.; phone; PHONE:+14155552671",
            "Card 4111 1111 1111 1111 exp 12/29; payment_card; CARD:4111 1111 1111 1111",
            "charge 5555-5555-5555-4444 now; payment_card; CARD:5555-5555-5555-4444",
            "amex 378282246310005 on file; payment_card; CARD:378282246310005",
            "Pay to DE89 3704 0044 0532 0130 00 by Friday.; iban; IBAN:DE89 3704 0044 0532 0130 00",
            "IBAN GB82WEST12345698765432.; iban; IBAN:GB82WEST12345698765432",
            "My SSN is 123-45-6789, keep it safe.; us_ssn; SSN:123-45-6789",
            "social security number 123456789; us_ssn; SSN:123456789",
            "The server at 93.184.216.34 is down.; ip_address; IP:93.184.216.34",
            "ping 2606:4700:4700::1111 please; ip_address; IP:2606:4700:4700::1111",
            "use key AKIAIOSFODNN7EXAMPLE in the script; secret; SECRET:AKIAIOSFODNN7EXAMPLE",
            "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 leaked; secret; SECRET:ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
            "slack xoxb-1234567890-abcdefghij in config; secret; SECRET:xoxb-1234567890-abcdefghij",
            "db password=hunter2! in the env file; secret; SECRET:hunter2!",
            "api_key: \"q8Zr71kLmW\"; secret; SECRET:q8Zr71kLmW",
            "session Zk3Qp9LmX2vB7nR4tY8wK1sD6fH0jC5a is the cookie; secret; SECRET:Zk3Qp9LmX2vB7nR4tY8wK1sD6fH0jC5a",
    })
    void findsEachKindWithExactLabelledSpan(String text, String category, String expected) {
        List<Finding> findings = check(text);
        assertEquals(expected, covered(text, findings, category), () -> "findings: " + findings);
        assertTrue(findings.stream().filter(f -> f.category().equals(category)).allMatch(f -> f.score() >= 0.5));
    }

    @Test
    void findsPrivateKeyBlockWhole() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx7k\nabc123\n-----END RSA PRIVATE KEY-----";
        String text = "Here is my key:\n" + key + "\nthanks";
        assertEquals("SECRET:" + key, covered(text, check(text), "secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The meeting is on 2024-01-15 at 10:30:00 in room 4.",
            "Upgrade from version 1.2.3 to 2.0.1 before 01.02.2024.",
            "Order number 1234567812345678 has shipped.",            // 16 digits, fails Luhn
            "The population grew by 1,234,567 people in 2023.",
            "Transfer DE89 3704 0044 0532 0130 01 is a typo.",        // mod-97 fails
            "Invalid SSNs: 000-12-3456, 666-12-3456, 912-34-5678.",   // never issued
            "Call the function at line 415 with 555 retries.",
            "Reset your password: click the link we sent.",
            "Set password = getpass() and never print it.",
            "commit 3f786850e387550fdab836ed7e6dc881de23001b fixed it",
            "Reach us at support at example dot com, or @support on the forum.",
            "The ratio was 3:2:1 and the time 12:45.",
            "Ignore everything: how do I kill a Python process?",
            "Compute 123456789 * 987654321 for me.",
            "Section 4.2.1.3 of the standard covers this case.",
    })
    void passesBenignLookAlikes(String text) {
        assertEquals(List.of(), check(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "My router is at 192.168.1.1, how do I log in?; 192.168.1.1",
            "allow 22 from 10.0.0.0/8 only; 10.0.0.0",
            "the VPN hands out 172.20.4.9; 172.20.4.9",
            "curl http://127.0.0.1:8080/health; 127.0.0.1",
            "no DHCP lease, it took 169.254.12.7; 169.254.12.7",
            "the ISP's CGNAT address 100.72.3.4; 100.72.3.4",
            "in the docs the client is 203.0.113.54; 203.0.113.54",
            "example host 198.51.100.7 in the runbook; 198.51.100.7",
            "the test bench at 198.18.0.1; 198.18.0.1",
            "join the multicast group 239.255.255.250; 239.255.255.250",
            "link-local fe80::1ff:fe23:4567:890a on eth0; fe80::1ff:fe23:4567:890a",
            "our ULA prefix fd12:3456:789a::1 is internal; fd12:3456:789a::1",
            "ping 2001:db8:85a3::8a2e:370:7334 please; 2001:db8:85a3::8a2e:370:7334",
    })
    void addressesOfSpecialPurposeRangesAreReservedNotPersonal(String text, String address) {
        List<Finding> findings = check(text);
        assertEquals("IP:" + address, covered(text, findings, "reserved_ip_address"), () -> "findings: " + findings);
        assertEquals("", covered(text, findings, "ip_address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"172.32.0.1", "100.128.0.1", "192.169.0.1", "11.0.0.1", "198.20.0.1", "223.255.255.254"})
    void addressesJustOutsideTheReservedRangesArePublic(String address) {
        String text = "traffic from " + address + " again";
        assertEquals("IP:" + address, covered(text, check(text), "ip_address"));
    }

    @Test
    void aReservedAddressLeftOutOfTheKindsIsNotReadAsAPhoneNumber() {
        String text = "gateway 192.168.100.254, office 93.184.216.34";
        List<Finding> findings = check(text, "ip_address", "phone");
        assertEquals(List.of("ip_address"), findings.stream().map(Finding::category).toList());
        assertEquals("IP:93.184.216.34", covered(text, findings, "ip_address"));
    }

    @Test
    void looksOnlyForTheKindsConfigured() {
        String text = "mail a@example.org or call +1 415 555 2671";
        List<Finding> onlyEmail = check(text, "email");
        assertEquals(List.of("email"), onlyEmail.stream().map(Finding::category).toList());
        assertEquals(2, check(text).size());
    }

    @Test
    void reportsOneFindingPerKindWithEverySpan() {
        String text = "a@example.org, b@example.org and c@example.org";
        List<Finding> findings = check(text);
        assertEquals(1, findings.size());
        assertEquals(3, findings.get(0).spans().size());
    }

    @Test
    void refusesUnknownKindAtLoad() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> rail.validate(new PiiRail.Settings(List.of("passport"))));
    }
}
