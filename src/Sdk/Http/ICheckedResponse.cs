namespace CreateImageSdk.Http
{
    /// <summary>A response that can say what is wrong with it beyond its JSON shape (an image with no content, say).</summary>
    internal interface ICheckedResponse
    {
        /// <summary>What is wrong, as the end of a sentence; null when nothing is.</summary>
        string? FindProblem();
    }
}
