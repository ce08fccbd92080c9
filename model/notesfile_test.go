package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestNotesFileRoundTrip(t *testing.T) {
	notes := []Note{
		{At: 62 * time.Second, QuestionID: 3, Text: "Started in teaching.\n\nThen policy.", Starred: true},
		{At: 7*time.Minute + 42*time.Second, Text: "No question here"},
	}
	q := func(id int) string {
		if id == 3 {
			return "What does a typical week look like?"
		}
		return ""
	}
	file := FormatNotesFile("Ana Ruiz", notes, q)
	if !strings.Contains(file, "## 01:02 [q3] ★ What does a typical week look like?\n") {
		t.Errorf("header missing:\n%s", file)
	}
	got := ParseNotesFile(file, time.Hour)
	if !reflect.DeepEqual(got, notes) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, notes)
	}
}

func TestNotesFileEdits(t *testing.T) {
	file := `# comment
Written before any header.

## 01:00 [q2]
First.
## 
A new paragraph without a time.
## 1:02:03 ★
Long interview.
`
	got := ParseNotesFile(file, 9*time.Minute)
	want := []Note{
		{At: 9 * time.Minute, Text: "Written before any header."},
		{At: time.Minute, QuestionID: 2, Text: "First."},
		{At: 9 * time.Minute, Text: "A new paragraph without a time."},
		{At: time.Hour + 2*time.Minute + 3*time.Second, Starred: true, Text: "Long interview."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := ParseNotesFile("# only comments\n", 0); len(got) != 0 {
		t.Errorf("comments became notes: %+v", got)
	}
}

// A Markdown heading in the notes is the user's text, not a comment.
func TestNotesFileKeepsHeadingsInText(t *testing.T) {
	got := ParseNotesFile("# help line\n## 01:00\n# Pay\nGood.\n", 0)
	if len(got) != 1 || got[0].Text != "# Pay\nGood." {
		t.Errorf("got %+v", got)
	}
}
