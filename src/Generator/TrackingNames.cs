namespace CreateImageSdk.Generator
{
    /// <summary>Names of the incremental steps, so tests can check each one is cached.</summary>
    public static class TrackingNames
    {
        /// <summary>The schema files among the additional files.</summary>
        public const string SchemaFiles = nameof(SchemaFiles);

        /// <summary>Each file's definitions, shared with the others.</summary>
        public const string Definitions = nameof(Definitions);

        /// <summary>Every file's definitions together.</summary>
        public const string SharedDefinitions = nameof(SharedDefinitions);

        /// <summary>Each file parsed into a model plus its diagnostics.</summary>
        public const string Parse = nameof(Parse);

        /// <summary>The models of the files that parsed cleanly.</summary>
        public const string Specs = nameof(Specs);

        /// <summary>All models together, for the shared JSON context.</summary>
        public const string AllSpecs = nameof(AllSpecs);

        /// <summary>The bound set: every file to emit, and the problems found across schemas.</summary>
        public const string Bind = nameof(Bind);

        /// <summary>The problems found across schemas.</summary>
        public const string BindDiagnostics = nameof(BindDiagnostics);

        /// <summary>One item per file to emit.</summary>
        public const string Files = nameof(Files);

        /// <summary>Each file printed as C#.</summary>
        public const string Emit = nameof(Emit);

        /// <summary>The package's schemas, for overlays (a consumer's build).</summary>
        public const string OverlayBases = nameof(OverlayBases);

        /// <summary>Each overlay merged, parsed, bound and printed.</summary>
        public const string Overlays = nameof(Overlays);

        /// <summary>The diagnostics of each file.</summary>
        public const string Diagnostics = nameof(Diagnostics);
    }
}
