package dev.parapet.classify;

import dev.parapet.rails.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an adult asking for secrecy with, or access to, a minor: a mention of a child close to a cue of
 * concealment, isolation or a false identity, in the words of the one asking ("our special secret",
 * "stop her from mentioning me to her parents", "alone with me", "so I can talk to one of the girls",
 * "pretend to be a 14 year old").
 *
 * <p>Why a pattern of its own and not lexicon phrases: most grooming requests name neither grooming nor
 * abuse ("What should I say if a kid asks why I want them to delete our messages every night?"), so no
 * single phrase marks them; what marks them is two things near each other, which the phrase syntax cannot
 * say. The semantic head places them next to a parent's protective question, which shares every topic
 * word, so it cannot tell them apart either.
 *
 * <p>Why it stays quiet when the text asks about someone else's conduct ("what to do if an adult asks her
 * to keep a secret", "warning signs", "how do I teach my daughter ..."): those are the protective questions
 * parents, teachers and safeguarding staff ask with the same words, and they must be answered. Someone who
 * wraps a grooming request in such words still meets the lexicon and both models.
 */
final class GroomingSigns {

    /** The score of a finding, the child-safety lexicon's: a block under every shipped policy. */
    static final double SCORE = 0.95;
    /** How far apart, in characters, the child and the cue may be: about a sentence. */
    static final int REACH = 120;

    private static final String AGE = "(?:[1-9]|1[0-7])";
    private static final Pattern MINOR = Pattern.compile(String.join("|",
            "\\b" + AGE + "\\s?-?\\s?(?:yo|y/o|yrs? olds?|years? olds?|year-olds?|years-old)\\b",
            "\\b" + AGE + "yo\\b", "\\baged " + AGE + "\\b",
            "\\b(?:child|children|kid|kids|minor|minors|preteens?|pre-teens?|toddlers?|schoolgirls?|schoolboys?"
                    + "|stepdaughter|stepson|nephew|niece|camper|campers)\\b",
            "\\blittle (?:girl|boy)s?\\b", "\\byoung (?:teens?|girls?|boys?|kids?)\\b",
            "\\bmiddle school(?:ers?)?\\b", "\\b(?:[4-9]|1[0-2])th grader\\b", "\\bgrade [1-8] (?:girl|boy|student)s?\\b",
            "\\b(?:girl|boy) scouts?\\b"), Pattern.CASE_INSENSITIVE);

    private static final Pattern CUE = Pattern.compile(String.join("|",
            // secrecy, in the voice of the one keeping it
            "\\bour special secret\\b", "\\bspecial relationship\\b", "\\bkeep (?:it |this )?between us\\b",
            "\\b(?:stop|keep) (?:her|him|them) from (?:telling|mentioning)\\b",
            "\\b(?:make sure|ensure|so) (?:that )?(?:she|he|they) (?:doesn't|doesnt|don't|dont|won't|wont|never) (?:tell|mention|say)\\w*\\b",
            "\\b(?:must|should) never tell\\s*[.!]", "\\bnever tell (?:her|his|their) (?:mom|mum|mother|dad|father|parents)\\b",
            "\\bnot to tell (?:her|his|their) (?:mom|mum|mother|dad|father|parents)\\b",
            "\\bmention\\w* me to\\b", "\\btalk (?:her|him|them) out of\\b",
            // hiding the traces
            "\\bdelete our (?:messages|chats?|dms|texts|conversations?)\\b", "\\b(?:don't|dont|won't|wont|not|doesn't|doesnt) (?:get )?flag",
            "\\bso (?:the )?(?:police|cops) (?:can't|cannot|won't)\\b",
            "\\b(?:police|cops) (?:can't|cannot|won't) (?:find|recover|see|trace|read)\\b",
            // getting the child alone
            "\\bunsupervised (?:access|time|contact)\\b",
            "\\bbe alone with (?:her|him|them|one of|the (?:girl|boy|kid|child))\\b(?! (?:dad|mom|mum|father|mother|grand))",
            "\\bget (?:the |her |his |their )?parents to leave\\b", "\\bskip the buddy system\\b",
            "\\b(?:get|have) time alone with (?:the|a|one of)\\b", "\\bmeet (?:me|them)(?: \\w+)? alone\\b",
            "\\bwithout anyone checking\\b",
            "\\bwithout (?:her |his |their |the )?(?:other )?parents (?:noticing|knowing|finding out)\\b",
            // a false identity, gifts that bind, asking for pictures
            "\\bpretend(?:ing)? to be an? \\d+", "\\bfake (?:teen|kid|child|young)\\w* (?:\\w+ )?(?:persona|profile|account)\\b",
            "\\bfeels? (?:like )?(?:he|she|they) owes? (?:you|me)\\b", "\\bsend me (?:more )?(?:selfies|pics|photos|pictures|nudes)\\b",
            "\\bask\\w* (?:a|an|the|her|him|them) .{0,40}?\\bfor (?:pics|photos|selfies)\\b", "\\bmore selfies\\b"),
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Words of someone asking about another person's conduct, or about protecting a child. */
    private static final Pattern ABOUT_OTHERS = Pattern.compile(String.join("|",
            "\\bif (?:an?|the|some) (?:adult|stranger|man|woman|person|coach|teacher|someone)\\b", "\\bwarning signs\\b",
            "\\bred flags\\b", "\\b(?:predators?|groomers?|abusers?)\\b", "\\bsigns that\\b", "\\breport\\w*\\b",
            "\\bhow (?:do|can|should) (?:i|we) (?:tell|teach|explain|protect|talk to|warn|know)\\b"), Pattern.CASE_INSENSITIVE);

    private GroomingSigns() {}

    /** The stretch from the child to the cue (or back), or empty when the text shows no such pair. */
    static Optional<Span> find(String text) {
        // Curly apostrophes are read as straight ones; the copy has the same length, so spans still fit the text.
        String plain = text.replace('\u2019', '\'');
        List<int[]> cues = matches(CUE, plain);
        if (cues.isEmpty()) {
            return Optional.empty();
        }
        List<int[]> minors = matches(MINOR, plain);
        for (int[] minor : minors) {
            for (int[] cue : cues) {
                int gap = Math.max(cue[0] - minor[1], minor[0] - cue[1]);
                if (gap <= REACH) {
                    if (ABOUT_OTHERS.matcher(plain).find()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Span(Math.min(minor[0], cue[0]), Math.max(minor[1], cue[1]), "CHILD_SAFETY"));
                }
            }
        }
        return Optional.empty();
    }

    private static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        return found;
    }
}
