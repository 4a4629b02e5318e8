using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// What the analyzer understands of a value at compile time: a known member with a wire value, an integer constant
    /// or a string constant. Anything else (a variable, <c>ImageSize.Custom(...)</c>) is not understood, and the analyzer
    /// stays silent about it: the SDK checks it at run time.
    /// </summary>
    internal sealed class SettingValue
    {
        private SettingValue(IOperation operation, ISymbol? member, string? wireValue, long? integer, string? text, int? itemCount = null)
        {
            ItemCount = itemCount;
            Operation = operation;
            Member = member;
            WireValue = wireValue;
            Integer = integer;
            Text = text;
        }

        /// <summary>The value without the implicit conversions around it; its syntax is where a diagnostic goes.</summary>
        public IOperation Operation { get; }

        /// <summary>The enum field or static property referenced, when the value is a known member.</summary>
        public ISymbol? Member { get; }

        /// <summary>The value as it goes on the wire: the member's wire value, the number or the text.</summary>
        public string? WireValue { get; }

        public long? Integer { get; }

        public string? Text { get; }

        /// <summary>For a list written out in place (a <c>params</c> argument or <c>new[] { a, b }</c>): how many items it has.</summary>
        public int? ItemCount { get; }

        public static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.IsImplicit)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>Null when the value is not a compile-time constant the analyzer understands.</summary>
        public static SettingValue? Read(IOperation value, SdkSymbols sdk)
        {
            var operation = Unwrap(value);

            // Members first: an enum field is also an integer constant, but it is understood by its wire value.
            ISymbol? member = operation switch
            {
                IFieldReferenceOperation field when field.Field.IsStatic && field.Field.ContainingType.TypeKind == TypeKind.Enum => field.Field,
                IPropertyReferenceOperation property when property.Property.IsStatic &&
                    SymbolEqualityComparer.Default.Equals(property.Property.Type, property.Property.ContainingType) => property.Property,
                _ => null,
            };
            if (member != null)
            {
                var wireValue = sdk.WireValue(member);
                return wireValue is null ? null : new SettingValue(operation, member, wireValue, null, null);
            }

            if (operation is IArrayCreationOperation { Initializer: { } initializer } array && array.DimensionSizes.Length == 1)
            {
                return new SettingValue(operation, null, null, null, null, initializer.ElementValues.Length);
            }

            var constant = operation.ConstantValue;
            if (!constant.HasValue) return null;
            switch (operation.Type?.SpecialType)
            {
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Int16:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                    var number = Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture);
                    return new SettingValue(operation, null, number.ToString(CultureInfo.InvariantCulture), number, null);
                case SpecialType.System_String when constant.Value is string text:
                    return new SettingValue(operation, null, text, null, text);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The value surely sets the parameter (it cannot be null), whether or not it is understood: a forbidden
        /// parameter is wrong whatever its value.
        /// </summary>
        public static bool IsSurelySet(IOperation value)
        {
            var operation = Unwrap(value);
            if (operation.ConstantValue.HasValue) return operation.ConstantValue.Value != null;
            var type = operation.Type;
            return type != null && type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
        }

        /// <summary>Characters as a person counts them, as the SDK does: a surrogate pair (an emoji) is one.</summary>
        public static int TextLength(string text)
        {
            var length = text.Length;
            for (var i = 0; i < text.Length - 1; i++)
            {
                if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1])) length--;
            }

            return length;
        }
    }
}
