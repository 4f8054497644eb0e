using InnerAlly.Language.Rules;

namespace InnerAlly.Language.Tests;

public class LanguageCheckTests
{
    [Theory]
    [InlineData("I had a really hard day and I feel like nobody understands me.")]
    [InlineData("ok")]
    [InlineData("😔😔")]
    [InlineData("i cant do this anymore tbh")]
    public void English_is_supported(string text) => Assert.True(LanguageCheck.LooksEnglish(text));

    [Theory]
    [InlineData("No quiero seguir viviendo, nadie me entiende y estoy muy cansada.")]
    [InlineData("Je ne veux plus vivre, je suis fatiguée de tout.")]
    [InlineData("Ich will nicht mehr leben und ich bin so müde.")]
    [InlineData("Мне очень плохо, я больше не могу так жить.")]
    [InlineData("我不想活了，没有人理解我。")]
    public void Other_languages_are_not(string text) => Assert.False(LanguageCheck.LooksEnglish(text));
}
