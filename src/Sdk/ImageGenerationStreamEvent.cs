namespace CreateImageSdk
{
    // Hand-written additions to the generated ImageGenerationStreamEvent record: the completed event carries usage.
    public sealed partial record ImageGenerationStreamEvent : Telemetry.IReportsUsage
    {
    }
}
