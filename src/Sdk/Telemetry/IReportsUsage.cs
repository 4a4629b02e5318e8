namespace CreateImageSdk.Telemetry
{
    /// <summary>A response or stream event that may carry token usage, for <c>gen_ai.usage.*</c> and the token metric.</summary>
    internal interface IReportsUsage
    {
        ImageUsage? Usage { get; }
    }
}
