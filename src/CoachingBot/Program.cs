using CoachingBot;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoachingBot();

var app = builder.Build();
app.MapCoachingBot();
app.Run();

public partial class Program;
