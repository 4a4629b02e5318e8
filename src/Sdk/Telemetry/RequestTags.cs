namespace CreateImageSdk.Telemetry
{
    /// <summary>
    /// Turns a request's wire values into span attributes: the GenAI names where the conventions have one
    /// (model, n, stream), <c>createimagesdk.request.{wire name}</c> for the rest.
    /// </summary>
    internal sealed class RequestTags
    {
        private readonly System.Diagnostics.Activity? _activity;

        public RequestTags(System.Diagnostics.Activity? activity) => _activity = activity;

        /// <summary>The requested model, for the span name and the metrics.</summary>
        public string? Model { get; private set; }

        public void Add(string wireName, string? value)
        {
            if (value is null) return;
            if (wireName == "model") Model = value;
            _activity?.SetTag(Name(wireName), value);
        }

        public void Add(string wireName, long? value)
        {
            if (value is null) return;
            _activity?.SetTag(Name(wireName), value.Value);
        }

        public void Add(string wireName, double? value)
        {
            if (value is null) return;
            _activity?.SetTag(Name(wireName), value.Value);
        }

        public void Add(string wireName, bool? value)
        {
            if (value is null) return;
            _activity?.SetTag(Name(wireName), value.Value);
        }

        private static string Name(string wireName)
        {
            switch (wireName)
            {
                case "model": return "gen_ai.request.model";
                case "n": return "gen_ai.request.choice.count";
                case "stream": return "gen_ai.request.stream";
                default: return "createimagesdk.request." + wireName.ToLowerInvariant();
            }
        }

        public override string ToString() => "RequestTags { Model = " + Model + " }";
    }
}
