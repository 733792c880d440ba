package handlers_test

import (
	"fmt"

	"github.com/elecsec/elecsec/handlers"
	"github.com/slack-go/slack"
)

func ExampleEscape() {
	fmt.Println(handlers.Escape("Tell <!channel> that AT&T said 2 < 3"))
	fmt.Println(handlers.Escape("AT&amp;T")) // already escaped: unchanged
	// Output:
	// Tell &lt;!channel&gt; that AT&amp;T said 2 &lt; 3
	// AT&amp;T
}

func ExampleLink() {
	fmt.Println(handlers.Link("https://example.com/a?b=1&c=2", "News & Views, Mar 4, 2021"))
	fmt.Println(handlers.Link("", "A source with no address"))
	// Output:
	// <https://example.com/a?b=1&amp;c=2|News &amp; Views, Mar 4, 2021>
	// A source with no address
}

func ExamplePlainText() {
	reply := handlers.Reply{Messages: []handlers.Message{{
		Text: "fallback",
		Blocks: []slack.Block{
			slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "“We *audit* every machine &amp; every ballot.”", false, false), nil, nil),
			slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, "State Election Board · <https://example.com/x|County Herald, Nov 30, 2019>", false, false)),
		},
	}}}
	fmt.Print(handlers.PlainText(reply))
	// Output:
	// “We audit every machine & every ballot.”
	//     State Election Board · County Herald, Nov 30, 2019 (https://example.com/x)
}
