using System.Net.Http;

namespace CreateImageSdk.Http
{
    /// <summary>
    /// What the SDK knows about an attempt, stamped on its <see cref="HttpRequestMessage"/> for handlers in the
    /// caller's pipeline (CreateImageSdk.Extensions logs with it): the attempt number and the model. This keeps the
    /// core free of a logging dependency. Never a credential.
    /// </summary>
    internal static class AttemptStamp
    {
        public const string AttemptKey = "CreateImageSdk.Attempt";
        public const string ModelKey = "CreateImageSdk.Model";

        public static void Apply(HttpRequestMessage request, int attempt, string? model)
        {
#if NET
            request.Options.Set(new HttpRequestOptionsKey<int>(AttemptKey), attempt);
            if (model != null) request.Options.Set(new HttpRequestOptionsKey<string>(ModelKey), model);
#else
            request.Properties[AttemptKey] = attempt;
            if (model != null) request.Properties[ModelKey] = model;
#endif
        }
    }
}
