using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CreateImageSdk.Analyzers
{
    /// <summary>
    /// Checks the parameters of one request expression against the rules of its model. Diagnostics go on the
    /// offending value; CIA001 also carries the model expression and CIA002 the removable syntax as additional
    /// locations, and both carry what their fixes need as properties (<see cref="DiagnosticProperties"/>).
    /// </summary>
    internal static class RequestChecker
    {
        private const int MaxModelSuggestions = 3;

        public static void Check(OperationAnalysisContext context, SdkSymbols sdk, OperationRules operation, IReadOnlyList<RequestSetting> settings)
        {
            // The last setting of a parameter is the one sent (a later With… call replaces an earlier one).
            var effective = new Dictionary<string, RequestSetting>(StringComparer.Ordinal);
            foreach (var setting in settings) effective[setting.Parameter] = setting;

            // The model, when its rules are known at compile time (a known one, a dated snapshot, borrowed rules);
            // without it only the rules that hold for every model apply.
            var modelOperation = effective.Values.FirstOrDefault(s => s.SetsModel) is { } modelSetting ? SettingValue.Unwrap(modelSetting.Value) : null;
            var model = modelOperation is null ? null : ModelKinship.Resolve(modelOperation, operation, sdk);

            foreach (var setting in effective.Values)
            {
                if (setting.SetsModel) continue;
                context.CancellationToken.ThrowIfCancellationRequested();
                var everyModel = operation.RequestRuleFor(setting.Parameter);
                if (model?.RuleFor(setting.Parameter) is { } rule)
                {
                    CheckSetting(context, sdk, operation, model, modelOperation!, setting, rule, everyModel);
                }
                else if (everyModel != null && SettingValue.Read(setting.Value, sdk) is { } value)
                {
                    CheckLimits(context, null, setting, value, null, everyModel);
                }
            }
        }

        private static void CheckSetting(OperationAnalysisContext context, SdkSymbols sdk, OperationRules operation, KnownModel model, IOperation modelOperation, RequestSetting setting, ParameterRule rule, ParameterRule? everyModel)
        {
            if (rule.Forbidden)
            {
                if (SettingValue.IsSurelySet(setting.Value))
                {
                    var removable = setting.Removable is null ? null : new[] { setting.Removable.GetLocation() };
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Parameter, rule.Parameter);
                    context.ReportDiagnostic(Diagnostic.Create(
                        ModelRuleDescriptors.ForbiddenParameter, SettingValue.Unwrap(setting.Value).Syntax.GetLocation(), removable,
                        properties, rule.Parameter, model.WireValue));
                }

                return;
            }

            var value = SettingValue.Read(setting.Value, sdk);
            if (value is null) return;
            var location = value.Operation.Syntax.GetLocation();

            if (rule.AllowedValues != null && value.WireValue != null && !rule.Accepts(value.WireValue))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    ModelRuleDescriptors.UnsupportedValue, location, new[] { modelOperation.Syntax.GetLocation() },
                    UnsupportedValueProperties(sdk, operation, model, rule, value), rule.Parameter, value.WireValue, model.WireValue, rule.DescribeAllowed()));
            }

            CheckLimits(context, model, setting, value, rule, everyModel);
        }

        /// <summary>
        /// Ranges and lengths: the model's and every model's together, reported once, with the bound that is broken
        /// and whose it is ("for model 'dall-e-3'" or "for any model").
        /// </summary>
        private static void CheckLimits(OperationAnalysisContext context, KnownModel? model, RequestSetting setting, SettingValue value, ParameterRule? rule, ParameterRule? everyModelRule)
        {
            var location = value.Operation.Syntax.GetLocation();
            var modelRule = rule ?? Unrestricted;
            var everyModel = everyModelRule ?? Unrestricted;

            if (value.Integer is { } number)
            {
                var tooHigh = number > Math.Min(modelRule.Maximum, everyModel.Maximum);
                var tooLow = number < Math.Max(modelRule.Minimum, everyModel.Minimum);
                if (tooHigh || tooLow)
                {
                    var byModel = tooHigh ? modelRule.Maximum <= everyModel.Maximum : modelRule.Minimum >= everyModel.Minimum;
                    var bound = tooHigh ? Math.Min(modelRule.Maximum, everyModel.Maximum) : Math.Max(modelRule.Minimum, everyModel.Minimum);
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Bound, Format(bound));
                    context.ReportDiagnostic(Diagnostic.Create(
                        ModelRuleDescriptors.OutOfRange, location, properties, setting.Parameter, Format(number),
                        byModel && model != null ? "for model '" + model.WireValue + "'" : "for any model", (tooHigh ? "at most " : "at least ") + Format(bound)));
                }
            }

            if (value.ItemCount is { } items)
            {
                var most = Limit(modelRule.MaxItems, everyModel.MaxItems);
                var fewest = Math.Max(modelRule.MinItems, everyModel.MinItems);
                var tooMany = most >= 0 && items > most;
                if (tooMany || (fewest >= 0 && items < fewest))
                {
                    // No Bound property: the range fix replaces a number, and a list is not one.
                    var byModel = model != null && (tooMany ? modelRule.MaxItems == most : modelRule.MinItems == fewest);
                    context.ReportDiagnostic(Diagnostic.Create(
                        ModelRuleDescriptors.OutOfRange, ListLocation(value.Operation) ?? location, setting.Parameter, Items(items),
                        byModel ? "for model '" + model!.WireValue + "'" : "for any model", (tooMany ? "at most " : "at least ") + Items(tooMany ? most : fewest)));
                }
            }

            var maxLength = Limit(modelRule.MaxLength, everyModel.MaxLength);
            if (value.Text != null && maxLength >= 0)
            {
                var length = SettingValue.TextLength(value.Text);
                if (length > maxLength)
                {
                    var byModel = model != null && modelRule.MaxLength == maxLength;
                    context.ReportDiagnostic(Diagnostic.Create(
                        ModelRuleDescriptors.PromptTooLong, location, setting.Parameter, Format(length), byModel ? "model '" + model!.WireValue + "'" : "every model", Format(maxLength)));
                }
            }
        }

        private static readonly ParameterRule Unrestricted = new ParameterRule(string.Empty, null, false, long.MinValue, long.MaxValue, -1, null);

        /// <summary>The tighter of two lengths, where -1 means unrestricted.</summary>
        private static int Limit(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);

        private static ImmutableDictionary<string, string?> UnsupportedValueProperties(SdkSymbols sdk, OperationRules operation, KnownModel model, ParameterRule rule, SettingValue value)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);

            // Other models that take this value, in declaration order (the schema's order).
            var count = 0;
            foreach (var other in operation.Models)
            {
                if (count == MaxModelSuggestions) break;
                if (SymbolEqualityComparer.Default.Equals(other.Symbol, model.Symbol)) continue;
                var otherRule = other.RuleFor(rule.Parameter);
                if (otherRule is null || otherRule.Accepts(value.WireValue!))
                {
                    properties[DiagnosticProperties.ModelMember + Format(count)] = other.MemberName;
                    properties[DiagnosticProperties.ModelValue + Format(count)] = other.WireValue;
                    count++;
                }
            }

            properties[DiagnosticProperties.ModelCount] = Format(count);

            if (value.Member != null && NearestAllowed(sdk, rule, value) is { } nearest)
            {
                properties[DiagnosticProperties.ValueMember] = nearest.Member;
                properties[DiagnosticProperties.ValueWire] = nearest.Wire;
            }

            return properties.ToImmutable();
        }

        /// <summary>
        /// The allowed value a fix offers instead: for WIDTHxHEIGHT sizes the nearest by |Δw|+|Δh|, otherwise the
        /// first allowed; only values with a member in the value's own type, so the fix compiles.
        /// </summary>
        private static (string Member, string Wire)? NearestAllowed(SdkSymbols sdk, ParameterRule rule, SettingValue value)
        {
            var type = value.Operation.Type;
            if (type is null || rule.AllowedValues is null) return null;

            var hasSize = FreeSizeRule.TryParse(value.WireValue!, out var width, out var height);
            (string Member, string Wire)? best = null;
            var bestDistance = long.MaxValue;
            foreach (var allowed in rule.AllowedValues.Value)
            {
                var member = sdk.MemberWithWireValue(type, allowed);
                if (member is null) continue;
                if (!hasSize) return (member.Name, allowed);
                if (!FreeSizeRule.TryParse(allowed, out var w, out var h)) continue;

                var distance = Math.Abs((long)w - width) + Math.Abs((long)h - height);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = (member.Name, allowed);
                }
            }

            return best;
        }

        private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A params argument's list has no syntax of its own (it is the whole call): point at its items instead.</summary>
        private static Location? ListLocation(IOperation operation)
        {
            if (!(operation is IArrayCreationOperation { IsImplicit: true, Initializer: { } initializer }) || initializer.ElementValues.Length == 0) return null;
            var first = initializer.ElementValues[0].Syntax;
            var last = initializer.ElementValues[initializer.ElementValues.Length - 1].Syntax;
            return Location.Create(first.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(first.SpanStart, last.Span.End));
        }

        private static string Items(long count) => count == 1 ? "1 item" : Format(count) + " items";
    }
}
