namespace CreateImageSdk
{
    // Hand-written additions to the generated ImageStreamEvent record (generations and edits): the completed event carries usage.
    public sealed partial record ImageStreamEvent : Telemetry.IReportsUsage
    {
    }
}
