package dev.parapet.classify;

import dev.parapet.rails.Span;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
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
    /** Longest a cue runs, in characters: a cue starting this far before the child may still end within reach. */
    private static final int CUE_LENGTH = 80;

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
            // the other grown-ups kept from seeing: "without other staff watching", "without the other leaders knowing"
            "\\bwithout (?:the |any )?other (?:staff|adults?|teachers?|counsel+ors?|leaders?|volunteers?|parents?|coaches|carers|caregivers)"
                    + "(?: \\w+)? (?:watching|seeing|noticing|knowing|around|present|finding out)\\b",
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

    /** Words a mention of a child can start with; a number starts an age ("12 year old", "12yo"). */
    private static final Set<String> MINOR_FIRST_WORDS = Set.of("aged", "child", "children", "kid", "kids", "minor", "minors",
            "preteen", "preteens", "pre", "toddler", "toddlers", "schoolgirl", "schoolgirls", "schoolboy", "schoolboys",
            "stepdaughter", "stepson", "nephew", "niece", "camper", "campers", "little", "young", "middle", "grade", "girl", "boy");

    /** Words a cue can start with (and the stems "mention", "pretend", "ask"). */
    private static final Set<String> CUE_FIRST_WORDS = Set.of("our", "special", "keep", "stop", "make", "ensure", "so", "must",
            "should", "never", "not", "talk", "delete", "don't", "dont", "won't", "wont", "doesn't", "doesnt", "police", "cops",
            "unsupervised", "be", "get", "have", "skip", "without", "meet", "fake", "feel", "feels", "send", "more");

    private GroomingSigns() {}

    private static boolean mayStartCue(String word) {
        return CUE_FIRST_WORDS.contains(word) || word.startsWith("mention") || word.startsWith("pretend") || word.startsWith("ask");
    }

    static Optional<Span> find(String text) {
        return find(text, Tokens.of(text));
    }

    /**
     * The stretch from the child to the cue (or back), or empty when the text shows no such pair.
     *
     * <p>Why patterns are tried only at word starts, and cues only near a child: run over every character
     * of a 1,000-character text, the two patterns alone cost about 0.3 ms, a third of the lexical tier's
     * budget; tried where a word could begin one, they cost a few microseconds on a text that names no child.
     */
    static Optional<Span> find(String text, Tokens tokens) {
        // Curly apostrophes are read as straight ones; the copy has the same length, so spans still fit the text.
        String plain = text.replace('\u2019', '\'');
        Matcher minor = MINOR.matcher(plain).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher cue = CUE.matcher(plain).useTransparentBounds(true).useAnchoringBounds(false);
        // Where a cue starting at token j ends, worked out once per token: -2 not yet tried, -1 none.
        int[] cueEnds = new int[tokens.size()];
        Arrays.fill(cueEnds, -2);
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.word(i);
            if (!(MINOR_FIRST_WORDS.contains(word) || Character.isDigit(word.charAt(0)))
                    || !minor.region(tokens.start(i), plain.length()).lookingAt()) {
                continue;
            }
            int minorStart = minor.start();
            int minorEnd = minor.end();
            for (int j = 0; j < tokens.size() && tokens.start(j) <= minorEnd + REACH; j++) {
                if (tokens.start(j) < minorStart - REACH - CUE_LENGTH) {
                    continue;
                }
                if (cueEnds[j] == -2) {
                    cueEnds[j] = mayStartCue(tokens.word(j)) && cue.region(tokens.start(j), plain.length()).lookingAt() ? cue.end() : -1;
                }
                int cueStart = tokens.start(j);
                int cueEnd = cueEnds[j];
                if (cueEnd >= 0 && Math.max(cueStart - minorEnd, minorStart - cueEnd) <= REACH) {
                    if (ABOUT_OTHERS.matcher(plain).find()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Span(Math.min(minorStart, cueStart), Math.max(minorEnd, cueEnd), "CHILD_SAFETY"));
                }
            }
        }
        return Optional.empty();
    }
}
