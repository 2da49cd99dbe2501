package dev.parapet.generation.triton;

import dev.parapet.generation.Generator;
import dev.parapet.generation.triton.proto.GRPCInferenceServiceGrpc;
import dev.parapet.generation.triton.proto.ModelConfigRequest;
import dev.parapet.generation.triton.proto.ModelConfigSubset;
import dev.parapet.generation.triton.proto.ModelInferRequest;
import dev.parapet.generation.triton.proto.ModelInferResponse;
import dev.parapet.generation.triton.proto.ModelMetadataRequest;
import dev.parapet.generation.triton.proto.ModelMetadataResponse;
import dev.parapet.generation.triton.proto.ModelReadyRequest;
import dev.parapet.generation.triton.proto.ServerReadyRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The gRPC side of the Triton backend: one channel, the calls Parapet makes, and the model's signature
 * (ModelMetadata plus, where Triton answers it, ModelConfig), read on first use and cached until a call
 * says the model changed. The channel connects lazily, so a Parapet started before Triton still starts.
 */
final class TritonClient implements AutoCloseable {

    private final TritonConfig config;
    private final ManagedChannel channel;
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub blocking;
    private final GRPCInferenceServiceGrpc.GRPCInferenceServiceStub async;
    private volatile ModelSignature signature;

    TritonClient(TritonConfig config) {
        this.config = config;
        this.channel = channel(config);
        this.blocking = GRPCInferenceServiceGrpc.newBlockingStub(channel);
        this.async = GRPCInferenceServiceGrpc.newStub(channel);
    }

    ModelInferResponse infer(ModelInferRequest request) {
        try {
            return blocking.withDeadlineAfter(config.deadline().toNanos(), TimeUnit.NANOSECONDS).modelInfer(request);
        } catch (StatusRuntimeException e) {
            forgetSignatureIfModelChanged(e);
            throw TritonStatus.translate(e, "ModelInfer");
        }
    }

    Multi<ModelInferResponse> streamInfer(ModelInferRequest request) {
        return TritonStreamCall.open(async, request, config.deadline())
                .onFailure().invoke(this::forgetSignatureIfModelChanged);
    }

    /** The model's declared inputs and outputs; read from Triton once, then cached. */
    ModelSignature signature() {
        ModelSignature known = signature;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (signature == null) {
                signature = readSignature();
            }
            return signature;
        }
    }

    Generator.Readiness readiness() {
        try {
            var probe = blocking.withDeadlineAfter(config.probeDeadline().toNanos(), TimeUnit.NANOSECONDS);
            if (!probe.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()) {
                return new Generator.Readiness(false, "Triton server at " + config.target() + " is not ready");
            }
            boolean modelReady = probe.modelReady(ModelReadyRequest.newBuilder().setName(config.model())
                    .setVersion(config.modelVersion().orElse("")).build()).getReady();
            return modelReady ? Generator.Readiness.READY
                    : new Generator.Readiness(false, "Triton model '" + config.model() + "' is not ready");
        } catch (StatusRuntimeException e) {
            return new Generator.Readiness(false, "Triton at " + config.target() + " did not answer: " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"));
        }
    }

    private ModelSignature readSignature() {
        var probe = blocking.withDeadlineAfter(config.probeDeadline().toNanos(), TimeUnit.NANOSECONDS);
        ModelMetadataResponse metadata;
        try {
            metadata = probe.modelMetadata(ModelMetadataRequest.newBuilder().setName(config.model())
                    .setVersion(config.modelVersion().orElse("")).build());
        } catch (StatusRuntimeException e) {
            throw TritonStatus.translate(e, "ModelMetadata for '" + config.model() + "'");
        }
        ModelConfigSubset modelConfig = null;
        try {
            modelConfig = probe.modelConfig(ModelConfigRequest.newBuilder().setName(config.model())
                    .setVersion(config.modelVersion().orElse("")).build()).getConfig();
        } catch (StatusRuntimeException e) {
            // Not every KServe server has the ModelConfig extension; metadata alone still works.
            Log.infof("Triton ModelConfig unavailable (%s); treating inputs as optional", e.getStatus().getCode());
        }
        ModelSignature read = ModelSignature.of(metadata, modelConfig, config.decoupled().orElse(null));
        Log.infof("Triton model '%s' declares inputs %s, decoupled=%s", config.model(), read.inputs().keySet(), read.decoupled());
        return read;
    }

    private void forgetSignatureIfModelChanged(Throwable failure) {
        Status.Code code = Status.fromThrowable(failure).getCode();
        if (code == Status.Code.INVALID_ARGUMENT || code == Status.Code.NOT_FOUND) {
            // The model may have been redeployed with other inputs; read its metadata again next time.
            signature = null;
        }
    }

    private static ManagedChannel channel(TritonConfig config) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(config.target())
                // Retries are ours (UNAVAILABLE only, before any text); gRPC's own would hide them.
                .disableRetry()
                .maxInboundMessageSize(64 * 1024 * 1024)
                .keepAliveTime(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
        if (!config.tls().enabled()) {
            builder.usePlaintext();
        } else {
            try {
                var ssl = GrpcSslContexts.forClient();
                config.tls().trustCertFile().ifPresent(file -> ssl.trustManager(new File(file)));
                builder.useTransportSecurity().sslContext(ssl.build());
            } catch (SSLException e) {
                throw new IllegalStateException("parapet.triton.tls: cannot set up TLS: " + e.getMessage(), e);
            }
            config.tls().authority().ifPresent(builder::overrideAuthority);
        }
        return builder.build();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
