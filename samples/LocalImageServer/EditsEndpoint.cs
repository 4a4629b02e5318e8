using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Answers <c>POST /v1/images/edits</c>, in both of the spec's forms: <c>multipart/form-data</c> with uploaded
/// files, and <c>application/json</c> with image references.
/// </summary>
internal sealed class EditsEndpoint(
    LocalImageServerOptions options,
    ConcurrentQueue<RecordedRequest> log,
    ConcurrentQueue<QueuedResponse> queue,
    ImageStore images,
    CancellationToken stopping) : ImageEndpoint(options, log, queue, images, stopping)
{
    protected override string EventPrefix => "image_edit";

    protected override async ValueTask<ImageGenerationRequest> ValidateAsync(HttpRequest request, RecordedRequest recorded, CancellationToken cancellationToken)
    {
        EditBody body = await EditBody.ReadAsync(request.ContentType, recorded.RawBody, AdditionalParameters, cancellationToken);
        return EditRequestValidator.Validate(body, AdditionalModels);
    }
}
