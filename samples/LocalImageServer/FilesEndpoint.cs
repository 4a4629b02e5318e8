using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// <c>POST /v1/files</c> (multipart: <c>purpose</c>, <c>file</c>), <c>GET /v1/files/{id}</c>, <c>GET /v1/files/{id}/content</c>
/// and <c>DELETE /v1/files/{id}</c>, as the Files API answers them.
/// </summary>
internal static class FilesEndpoint
{
    private static readonly string[] Purposes = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"];

    public static async Task HandleAsync(HttpContext context, string rest, FileStore files, CancellationToken cancellationToken)
    {
        HttpRequest request = context.Request;
        if (rest.Length == 0 && HttpMethods.IsPost(request.Method))
        {
            if (!request.HasFormContentType)
            {
                await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.UnsupportedContentType(request.ContentType), cancellationToken);
                return;
            }

            IFormCollection form = await request.ReadFormAsync(cancellationToken);
            string? purpose = form["purpose"].FirstOrDefault();
            if (string.IsNullOrEmpty(purpose))
            {
                await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.MissingParameter("purpose"), cancellationToken);
                return;
            }

            if (!Purposes.Contains(purpose))
            {
                await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.InvalidValue("purpose", $"'{purpose}' is not one of {string.Join(", ", Purposes.Select(p => $"'{p}'"))} - 'purpose'"), cancellationToken);
                return;
            }

            IFormFile? upload = form.Files.GetFile("file");
            if (upload is null)
            {
                await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.MissingParameter("file"), cancellationToken);
                return;
            }

            using var content = new MemoryStream();
            await upload.CopyToAsync(content, cancellationToken);
            StoredFile stored = files.Add(upload.FileName, purpose, content.ToArray());
            await BatchJson.WriteAsync(context.Response, 200, BatchJson.File(stored), cancellationToken);
            return;
        }

        string[] segments = rest.Split('/');
        if (segments.Length is 1 or 2 && files.TryGet(segments[0], out StoredFile file))
        {
            if (segments.Length == 1 && HttpMethods.IsGet(request.Method))
            {
                await BatchJson.WriteAsync(context.Response, 200, BatchJson.File(file), cancellationToken);
                return;
            }

            if (segments.Length == 1 && HttpMethods.IsDelete(request.Method))
            {
                files.Remove(file.Id);
                await BatchJson.WriteAsync(context.Response, 200, BatchJson.Deleted(file.Id), cancellationToken);
                return;
            }

            if (segments.Length == 2 && segments[1] == "content" && HttpMethods.IsGet(request.Method))
            {
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = file.Content.Length;
                await context.Response.Body.WriteAsync(file.Content, cancellationToken);
                return;
            }
        }
        else if (segments.Length is 1 or 2 && segments[0].Length > 0)
        {
            await ImageEndpoint.WriteErrorAsync(context.Response, new ApiError(404, $"No such File object: {segments[0]}", "invalid_request_error", "id", null), cancellationToken);
            return;
        }

        await ImageEndpoint.WriteErrorAsync(context.Response, ApiError.NotFound(request.Method, request.Path.Value ?? string.Empty), cancellationToken);
    }
}
