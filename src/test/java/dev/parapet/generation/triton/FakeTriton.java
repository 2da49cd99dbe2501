package dev.parapet.generation.triton;

import dev.parapet.generation.triton.proto.GRPCInferenceServiceGrpc;
import dev.parapet.generation.triton.proto.InferParameter;
import dev.parapet.generation.triton.proto.ModelConfigRequest;
import dev.parapet.generation.triton.proto.ModelConfigResponse;
import dev.parapet.generation.triton.proto.ModelConfigSubset;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import dev.parapet.generation.triton.proto.ModelMetadataRequest;
import dev.parapet.generation.triton.proto.ModelMetadataResponse;
import dev.parapet.generation.triton.proto.ModelReadyRequest;
import dev.parapet.generation.triton.proto.ModelReadyResponse;
import dev.parapet.generation.triton.proto.ModelStreamInferResponse;
import dev.parapet.generation.triton.proto.ServerLiveRequest;
import dev.parapet.generation.triton.proto.ServerLiveResponse;
import dev.parapet.generation.triton.proto.ServerReadyRequest;
import dev.parapet.generation.triton.proto.ServerReadyResponse;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Triton stand-in for tests: a real grpc-java server on a random local port that implements the KServe
 * v2 calls Parapet makes, for a NeMo or a TRT-LLM model interface ({@link FakeModels}). It checks requests
 * the way Triton does (unknown input, wrong datatype or shape, missing required input, mixed contents:
 * INVALID_ARGUMENT), answers from a script, and records every inference request it received.
 *
 * <p>Script knobs: the reply text and how it is cut into stream chunks, latency before the answer and
 * between chunks, server/model readiness, and one {@link Fault} for the next {@code n} requests.
 *
 * <p>Longer than our usual class because the RPC handlers share the script's state; the request checks
 * live in {@link RequestCheck} and the shaping of answers in {@link FakeResponses}.
 */
public final class FakeTriton implements AutoCloseable {

    /** What goes wrong. */
    public enum Fault {
        NONE,
        /** gRPC UNAVAILABLE before any answer. */
        UNAVAILABLE,
        /** The model fails: NeMo answers "An error occurred: ..." as text; TRT-LLM answers INVALID_ARGUMENT (in-band on streams). */
        MODEL_ERROR,
        /** Unary: INTERNAL status. Streams: an in-band error_message after {@code faultAfterChunks} chunks. */
        ERROR_MIDWAY,
        /** The stream breaks with UNAVAILABLE after {@code faultAfterChunks} chunks. */
        DROP_STREAM,
        /** The stream closes cleanly after {@code faultAfterChunks} chunks, without a final response. */
        CLOSE_EARLY
    }

    private final Server server;
    private volatile FakeModels.ModelSpec model;
    private volatile String reply = "Hello from the fake Triton. It is scripted.";
    private volatile List<String> chunks;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration chunkDelay = Duration.ZERO;
    private volatile boolean serverReady = true;
    private volatile boolean modelReady = true;
    private volatile boolean modelConfigRpc = true;
    private volatile Fault fault = Fault.NONE;
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private volatile int faultAfterChunks = 1;
    private volatile boolean recording = true;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

    public FakeTriton(FakeModels.ModelSpec model) {
        this(model, null);
    }

    /** A fake that speaks TLS with the given server context (null: plaintext, as Triton by default). */
    public FakeTriton(FakeModels.ModelSpec model, io.netty.handler.ssl.SslContext tls) {
        this.model = model;
        try {
            NettyServerBuilder builder = NettyServerBuilder.forPort(0).addService(new Service());
            if (tls != null) {
                builder.sslContext(tls);
            }
            this.server = builder.build().start();
        } catch (IOException e) {
            throw new IllegalStateException("fake Triton cannot start", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String target() {
        return "localhost:" + port();
    }

    public FakeTriton model(FakeModels.ModelSpec value) { model = value; return this; }

    public FakeModels.ModelSpec model() { return model; }

    public FakeTriton reply(String text) { reply = text; chunks = null; return this; }

    /** The reply as these stream chunks (deltas); the unary reply is their concatenation. */
    public FakeTriton chunks(String... parts) { chunks = List.of(parts); reply = String.join("", parts); return this; }

    public FakeTriton latency(Duration value) { latency = value; return this; }

    public FakeTriton chunkDelay(Duration value) { chunkDelay = value; return this; }

    public FakeTriton serverReady(boolean value) { serverReady = value; return this; }

    public FakeTriton modelReady(boolean value) { modelReady = value; return this; }

    public FakeTriton modelConfigRpc(boolean value) { modelConfigRpc = value; return this; }

    /** The next {@code times} inference requests meet {@code value}; later ones succeed. */
    public FakeTriton fault(Fault value, int times) { fault = value; faultsLeft.set(times); return this; }

    public FakeTriton faultAfterChunks(int value) { faultAfterChunks = value; return this; }

    /** Whether requests are kept for {@link #received()}; a benchmark turns this off. */
    public FakeTriton recording(boolean value) { recording = value; return this; }

    public List<ReceivedRequest> received() { return List.copyOf(received); }

    public ReceivedRequest last() { return received.get(received.size() - 1); }

    /** Back to a healthy, instant, plain script; forgets what was received. */
    public FakeTriton reset() {
        reply("Hello from the fake Triton. It is scripted.");
        latency = Duration.ZERO;
        chunkDelay = Duration.ZERO;
        serverReady = true;
        modelReady = true;
        modelConfigRpc = true;
        fault(Fault.NONE, 0);
        faultAfterChunks = 1;
        received.clear();
        return this;
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(String rpc, ModelInferRequest request) {
        if (recording) {
            received.add(ReceivedRequest.decode(rpc, request));
        }
    }

    private Fault takeFault() {
        return faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? fault : Fault.NONE;
    }

    private final class Service extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {

        @Override
        public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> out) {
            out.onNext(ServerLiveResponse.newBuilder().setLive(true).build());
            out.onCompleted();
        }

        @Override
        public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> out) {
            out.onNext(ServerReadyResponse.newBuilder().setReady(serverReady).build());
            out.onCompleted();
        }

        @Override
        public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> out) {
            out.onNext(ModelReadyResponse.newBuilder().setReady(modelReady && request.getName().equals(model.name())).build());
            out.onCompleted();
        }

        @Override
        public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> out) {
            FakeModels.ModelSpec m = model;
            if (!request.getName().equals(m.name())) {
                out.onError(Status.NOT_FOUND.withDescription("Request for unknown model: '" + request.getName() + "'").asRuntimeException());
                return;
            }
            ModelMetadataResponse.Builder b = ModelMetadataResponse.newBuilder().setName(m.name()).addVersions("1")
                    .setPlatform("nemo".equals(m.profile()) ? "python" : "ensemble");
            for (FakeModels.Declared d : m.inputs()) {
                b.addInputs(ModelMetadataResponse.TensorMetadata.newBuilder().setName(d.name()).setDatatype(d.datatype()).addAllShape(d.shape()));
            }
            b.addOutputs(ModelMetadataResponse.TensorMetadata.newBuilder().setName(m.output()).setDatatype("BYTES").addAllShape(List.of(-1L, -1L)));
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void modelConfig(ModelConfigRequest request, StreamObserver<ModelConfigResponse> out) {
            FakeModels.ModelSpec m = model;
            if (!modelConfigRpc) {
                out.onError(Status.UNIMPLEMENTED.asRuntimeException());
                return;
            }
            ModelConfigSubset.Builder c = ModelConfigSubset.newBuilder().setName(m.name()).setMaxBatchSize(8)
                    .setModelTransactionPolicy(ModelConfigSubset.TransactionPolicy.newBuilder().setDecoupled(m.decoupled()));
            for (FakeModels.Declared d : m.inputs()) {
                c.addInput(ModelConfigSubset.Input.newBuilder().setName(d.name()).addAllDims(d.shape().subList(1, d.shape().size()))
                        .setOptional(d.optional()));
            }
            out.onNext(ModelConfigResponse.newBuilder().setConfig(c).build());
            out.onCompleted();
        }

        @Override
        public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> out) {
            record("ModelInfer", request);
            FakeModels.ModelSpec m = model;
            Status invalid = RequestCheck.check(m, request);
            if (invalid == null && m.decoupled()) {
                invalid = Status.INVALID_ARGUMENT.withDescription("ModelInfer RPC doesn't support models with decoupled transaction policy");
            }
            if (invalid != null) {
                out.onError(invalid.asRuntimeException());
                return;
            }
            Fault f = takeFault();
            if (!sleep(latency)) {
                return;
            }
            switch (f) {
                case UNAVAILABLE, DROP_STREAM, CLOSE_EARLY -> out.onError(Status.UNAVAILABLE.withDescription("fake: server unavailable").asRuntimeException());
                case ERROR_MIDWAY -> out.onError(Status.INTERNAL.withDescription("fake: executor failed").asRuntimeException());
                case MODEL_ERROR -> {
                    if ("nemo".equals(m.profile())) {
                        out.onNext(FakeResponses.text(m, request.getId(), "An error occurred: fake failure in the engine", null));
                        out.onCompleted();
                    } else {
                        out.onError(Status.INVALID_ARGUMENT.withDescription("fake: model rejected the request").asRuntimeException());
                    }
                }
                default -> {
                    out.onNext(FakeResponses.text(m, request.getId(), FakeResponses.echo(m, request) + reply, null));
                    out.onCompleted();
                }
            }
        }

        @Override
        public StreamObserver<ModelInferRequest> modelStreamInfer(StreamObserver<ModelStreamInferResponse> out) {
            return new StreamObserver<>() {
                @Override
                public void onNext(ModelInferRequest request) {
                    record("ModelStreamInfer", request);
                    answerStream(request, out);
                }

                @Override
                public void onError(Throwable t) {
                    // The client cancelled; nothing to answer.
                }

                @Override
                public void onCompleted() {
                    out.onCompleted();
                }
            };
        }

        private void answerStream(ModelInferRequest request, StreamObserver<ModelStreamInferResponse> out) {
            FakeModels.ModelSpec m = model;
            Status invalid = RequestCheck.check(m, request);
            if (invalid != null) {
                // Triton reports per-request errors in-band on a stream.
                out.onNext(ModelStreamInferResponse.newBuilder().setErrorMessage(invalid.getDescription()).build());
                return;
            }
            Fault f = takeFault();
            if (!sleep(latency)) {
                return;
            }
            if (f == Fault.UNAVAILABLE) {
                out.onError(Status.UNAVAILABLE.withDescription("fake: server unavailable").asRuntimeException());
                return;
            }
            if (f == Fault.MODEL_ERROR) {
                if ("nemo".equals(m.profile())) {
                    out.onNext(ModelStreamInferResponse.newBuilder().setInferResponse(
                            FakeResponses.text(m, request.getId(), "An error occurred: fake failure in the engine", true)).build());
                } else {
                    out.onNext(ModelStreamInferResponse.newBuilder().setErrorMessage("fake: model rejected the request").build());
                }
                return;
            }
            boolean streaming = m.decoupled() && FakeResponses.streamRequested(m, request);
            List<String> parts = streaming ? new ArrayList<>(chunks != null ? chunks : FakeResponses.words(reply)) : new ArrayList<>(List.of(reply));
            String echo = FakeResponses.echo(m, request);
            if (!echo.isEmpty()) {
                parts.set(0, echo + parts.get(0));
            }
            InferParameter emptyFinal = request.getParametersMap().get("triton_enable_empty_final_response");
            boolean emptyFinalWanted = emptyFinal != null && emptyFinal.getBoolParam();
            StringBuilder sofar = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i == faultAfterChunks && f != Fault.NONE) {
                    switch (f) {
                        case ERROR_MIDWAY -> out.onNext(ModelStreamInferResponse.newBuilder().setErrorMessage("fake: executor failed midway").build());
                        case DROP_STREAM -> out.onError(Status.UNAVAILABLE.withDescription("fake: connection dropped").asRuntimeException());
                        default -> out.onCompleted();
                    }
                    return;
                }
                if (i > 0 && !sleep(chunkDelay)) {
                    return;
                }
                sofar.append(parts.get(i));
                // NeMo streams the whole text so far; TRT-LLM streams deltas.
                String text = "nemo".equals(m.profile()) ? sofar.toString() : parts.get(i);
                boolean last = i == parts.size() - 1;
                out.onNext(ModelStreamInferResponse.newBuilder()
                        .setInferResponse(FakeResponses.text(m, request.getId(), text, last && !emptyFinalWanted)).build());
            }
            if (emptyFinalWanted) {
                out.onNext(ModelStreamInferResponse.newBuilder().setInferResponse(ModelInferResponse.newBuilder()
                        .setModelName(m.name()).setModelVersion("1").setId(request.getId())
                        .putParameters("triton_final_response", InferParameter.newBuilder().setBoolParam(true).build())).build());
            }
        }
    }

    private static boolean sleep(Duration d) {
        if (d.isZero()) {
            return true;
        }
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
