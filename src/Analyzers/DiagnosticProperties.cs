namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// Keys of the properties a diagnostic carries to its code fix. The analyzer has the symbols and the rules;
    /// passing its conclusions on keeps the fixes to pure syntax edits that cannot disagree with the check.
    /// </summary>
    internal static class DiagnosticProperties
    {
        /// <summary>The parameter's wire name (CIA002), for the fix's title.</summary>
        public const string Parameter = "Parameter";

        /// <summary>How many models accept the value (CIA001); each is given by <see cref="ModelMember"/> and <see cref="ModelValue"/>.</summary>
        public const string ModelCount = "ModelCount";

        /// <summary>Prefix of the C# member name of the i-th model that accepts the value, e.g. "ModelMember0" = "DallE3".</summary>
        public const string ModelMember = "ModelMember";

        /// <summary>Prefix of the wire value of the i-th model that accepts the value, e.g. "ModelValue0" = "dall-e-3".</summary>
        public const string ModelValue = "ModelValue";

        /// <summary>The C# member name of the nearest allowed value, in the type of the offending value (CIA001).</summary>
        public const string ValueMember = "ValueMember";

        /// <summary>The wire value of <see cref="ValueMember"/>.</summary>
        public const string ValueWire = "ValueWire";

        /// <summary>The nearest number the model accepts (CIA003).</summary>
        public const string Bound = "Bound";
    }
}
