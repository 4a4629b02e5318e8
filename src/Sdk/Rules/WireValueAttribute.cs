using System;

namespace CreateImageSdk.Rules
{
    /// <summary>The JSON value of an enum member or a known static value; read by the analyzer.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
    internal sealed class WireValueAttribute : Attribute
    {
        public WireValueAttribute(string value) => Value = value;

        public string Value { get; }
    }
}
