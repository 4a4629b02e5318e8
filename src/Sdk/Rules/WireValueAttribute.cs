using System;

namespace CreateImageSdk.Rules
{
    /// <summary>
    /// The JSON value of an enum member or a known static value; read by the rules analyzer. Public for generated code
    /// (an overlay's models); not meant to be written by hand.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class WireValueAttribute : Attribute
    {
        /// <summary>Names the value.</summary>
        /// <param name="value">The wire value.</param>
        public WireValueAttribute(string value) => Value = value;

        /// <summary>The wire value.</summary>
        public string Value { get; }
    }
}
