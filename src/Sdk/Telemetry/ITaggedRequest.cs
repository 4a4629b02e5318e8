namespace CreateImageSdk.Telemetry
{
    /// <summary>
    /// A request that describes itself to telemetry: the generator implements it on every request type with the
    /// values that are safe to record (enums, numbers, flags; never free text such as the prompt).
    /// </summary>
    internal interface ITaggedRequest
    {
        void AddTags(RequestTags tags);
    }
}
