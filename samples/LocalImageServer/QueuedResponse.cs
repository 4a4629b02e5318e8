using System.Collections.Generic;

namespace CreateImageSdk.LocalServer;

/// <summary>An answer a test scripted with <see cref="LocalImageServer.EnqueueResponse"/>.</summary>
internal sealed record QueuedResponse(int StatusCode, string Body, IReadOnlyDictionary<string, string>? Headers, string ContentType);
