using System.Text.Json;
using System.Text.Json.Nodes;
using CoachingBot.Models;
using CoachingBot.Teams.Cards;
using CoachingBot.Teams.Dialogs;

namespace CoachingBot.Sessions;

/// <summary>FIRST at the close: the client rates each factor 1 to 5 and may add a line.</summary>
public static class FirstCard
{
    public const string CommentId = "comment";
    public const int MaxCommentLength = 500;
    public static string SaveTitle => CardTexts.FirstSaveTitle;

    public static AdaptiveCard Form(CardFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            CardParts.Heading(CardTexts.FirstHeading),
            CardParts.Note(CardTexts.FirstNote),
        };
        foreach (var factor in FirstModel.Factors)
        {
            body.Add(CardParts.Scale(factor.Id, TextFormat.Format(CardTexts.FirstFactorLabel, factor.Title, factor.Question), FirstModel.MinRating, FirstModel.MaxRating, required: true));
        }

        body.Add(new TextInput(CommentId, CardTexts.CommentLabel) { IsMultiline = true, MaxLength = MaxCommentLength });
        return new AdaptiveCard { Body = body, Actions = [new SubmitAction(SaveTitle, new JsonObject { [CardKinds.Field] = CardKinds.First })] };
    }

    public static PromptValidation<FirstRatings> Read(JsonElement value)
    {
        var form = FormReader.From(value);
        var ratings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var factor in FirstModel.Factors)
        {
            if (form.WholeNumber(factor.Id, factor.Title, required: true, min: FirstModel.MinRating, max: FirstModel.MaxRating) is { } rating)
            {
                ratings[factor.Id] = rating;
            }
        }

        var comment = form.Text(CommentId, CardTexts.YourComment, maxLength: MaxCommentLength);
        return PromptValidation.From(form, () => new FirstRatings(ratings, comment));
    }

    public static AdaptiveCard Saved(FirstRatings ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return new AdaptiveCard
        {
            Body =
            [
                CardParts.Heading(CardTexts.FirstSavedHeading),
                new FactSet { Facts = [.. FirstModel.Factors.Select(f => new Fact(f.Title, TextFormat.Format(CardTexts.RatingOutOfFive, ratings.Ratings.GetValueOrDefault(f.Id))))] },
                .. string.IsNullOrWhiteSpace(ratings.Comment) ? Array.Empty<CardElement>() : [new TextBlock(ratings.Comment)],
            ],
        };
    }
}

/// <summary>FIRST ratings by factor id, and the client's line.</summary>
public sealed record FirstRatings(IReadOnlyDictionary<string, int> Ratings, string? Comment);
