using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>Answers <c>POST /v1/images/generations</c> the way the real endpoint does.</summary>
internal sealed class GenerationsEndpoint(
    LocalImageServerOptions options,
    ConcurrentQueue<RecordedRequest> log,
    ConcurrentQueue<QueuedResponse> queue,
    ImageStore images,
    CancellationToken stopping) : ImageEndpoint(options, log, queue, images, stopping)
{
    protected override string EventPrefix => "image_generation";

    protected override ValueTask<ImageGenerationRequest> ValidateAsync(HttpRequest request, RecordedRequest recorded, CancellationToken cancellationToken) =>
        ImageRequestValidator.Validate(recorded.Body, AdditionalModels, AdditionalParameters, out ImageGenerationRequest? validated) is { } error
            ? throw new ApiErrorException(error)
            : ValueTask.FromResult(validated!);
}
