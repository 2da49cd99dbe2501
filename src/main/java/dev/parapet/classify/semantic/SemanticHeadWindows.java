package dev.parapet.classify.semantic;

/** How many windows of a long text the semantic tier embeds; shared by the rails, training and evaluation. */
public final class SemanticHeadWindows {

    public static final int MAX = 3;

    private SemanticHeadWindows() {}
}
