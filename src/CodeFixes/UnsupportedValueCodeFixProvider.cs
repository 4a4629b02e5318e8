using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using CreateImageSdk.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CreateImageSdk.CodeFixes
{
    /// <summary>
    /// Fixes CIA001 (a value the model does not accept) either way round: use the nearest value the model accepts,
    /// or keep the value and use a model that accepts it (up to three, in the schema's order).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsupportedValueCodeFixProvider))]
    [Shared]
    public sealed class UnsupportedValueCodeFixProvider : CodeFixProvider
    {
        /// <summary>The equivalence key of "Use the nearest allowed value", shared by every CIA001 so Fix All applies it everywhere.</summary>
        public const string NearestValueKey = "CIA001.NearestValue";

        /// <summary>The prefix of the equivalence key of "Use model X"; the model's member name follows.</summary>
        public const string ModelKeyPrefix = "CIA001.Model.";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelRuleDescriptors.UnsupportedValueId);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;

            foreach (var diagnostic in context.Diagnostics)
            {
                var properties = diagnostic.Properties;
                if (properties.TryGetValue(DiagnosticProperties.ValueMember, out var valueMember) && valueMember != null &&
                    SyntaxEdits.ExpressionAt(root, diagnostic.Location) is { } value &&
                    SyntaxEdits.WithMemberName(value, valueMember) is { } newValue)
                {
                    properties.TryGetValue(DiagnosticProperties.ValueWire, out var wire);
                    context.RegisterCodeFix(
                        CodeAction.Create("Use '" + wire + "'", _ => Replace(context.Document, root, value, newValue), NearestValueKey),
                        diagnostic);
                }

                if (diagnostic.AdditionalLocations.Count == 0 ||
                    !(SyntaxEdits.ExpressionAt(root, diagnostic.AdditionalLocations[0]) is { } model) ||
                    !properties.TryGetValue(DiagnosticProperties.ModelCount, out var countText) ||
                    !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    continue;
                }

                for (var i = 0; i < count; i++)
                {
                    var index = SyntaxEdits.Format(i);
                    if (!properties.TryGetValue(DiagnosticProperties.ModelMember + index, out var member) || member is null) continue;
                    properties.TryGetValue(DiagnosticProperties.ModelValue + index, out var modelWire);
                    if (!(SyntaxEdits.WithMemberName(model, member) is { } newModel)) continue;

                    context.RegisterCodeFix(
                        CodeAction.Create("Use model '" + modelWire + "'", _ => Replace(context.Document, root, model, newModel), ModelKeyPrefix + member),
                        diagnostic);
                }
            }
        }

        private static Task<Document> Replace(Document document, SyntaxNode root, ExpressionSyntax oldNode, ExpressionSyntax newNode) =>
            Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)));
    }
}
