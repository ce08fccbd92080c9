package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"
)

func TestStatsPrintsTheProgressLines(t *testing.T) {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	db, now := nextFixture(t, loc)
	var out, errOut bytes.Buffer
	err = execute(&cli{stdout: &out, stderr: &errOut, now: func() time.Time { return now }}, []string{"stats", "--ascii", "--db", db})
	if err != nil || errOut.Len() > 0 {
		t.Fatalf("stats: %v, stderr %q", err, errOut.String())
	}
	got := out.String()
	for _, want := range []string{"Conversations a week (goal 2): ", " this week", "Asked ", " -> replied "} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if w := runewidth.StringWidth(line); w > 80 {
			t.Errorf("line of %d cells: %q", w, line)
		}
		for _, r := range line {
			if r > 127 {
				t.Errorf("--ascii printed %q in %q", r, line)
				break
			}
		}
	}
}

func TestStatsOnAMissingNotebookFailsWithoutCreatingIt(t *testing.T) {
	db := t.TempDir() + "/none.db"
	var out, errOut bytes.Buffer
	err := execute(&cli{stdout: &out, stderr: &errOut, now: time.Now}, []string{"stats", "--db", db})
	if err == nil {
		t.Fatalf("stats on a missing notebook printed %q", out.String())
	}
	if _, statErr := os.Stat(db); !os.IsNotExist(statErr) {
		t.Errorf("reading a missing notebook made one: %v", statErr)
	}
}
