package model

import (
	"reflect"
	"strings"
	"testing"
)

func searchFixture() *NotebookIndex {
	var b IndexBuilder
	for _, s := range []SearchSource{
		{Place{Kind: HitNote, ContactID: 1, InterviewID: 7, Paragraph: 2}, "A typical\nweek: meetings, then site visits."},
		{Place{Kind: HitContact, ContactID: 1}, "José Núñez · Planner · Straße GmbH"},
		{Place{Kind: HitContact, ContactID: 2}, "Ben Okafor · Engineer"},
		{Place{Kind: HitResearch, ContactID: 2}, "   "},
		{Place{Kind: HitMessage, ContactID: 2, EntryID: 9}, "Dear Ben, would you have 20 minutes for a call about planning?"},
		{Place{Kind: HitTimeline, ContactID: 2, EntryID: 10}, "He said: call me after the WEEKEND"},
		{Place{Kind: HitTakeaway, ContactID: 1, InterviewID: 7}, "Learn GIS before applying."},
		{Place{Kind: HitNote, ContactID: 1, InterviewID: 7, Paragraph: 0}, "Bad byte \xff then planning"},
	} {
		b.Add(s)
	}
	return b.Build()
}

func TestFindIsCaseAndAccentInsensitiveOneHitPerText(t *testing.T) {
	x := searchFixture()
	if x.Len() != 7 {
		t.Fatalf("Len = %d, want 7 (the blank text dropped)", x.Len())
	}
	for _, tc := range []struct {
		q    string
		want []Place
	}{
		{"jose nunez", []Place{{Kind: HitContact, ContactID: 1}}},
		{"JOSÉ", []Place{{Kind: HitContact, ContactID: 1}}},
		{"strasse", []Place{{Kind: HitContact, ContactID: 1}}},
		{"typical   week", []Place{{Kind: HitNote, ContactID: 1, InterviewID: 7, Paragraph: 2}}},
		{"week", []Place{{Kind: HitNote, ContactID: 1, InterviewID: 7, Paragraph: 2},
			{Kind: HitTimeline, ContactID: 2, EntryID: 10}}},
		{"planning", []Place{{Kind: HitNote, ContactID: 1, InterviewID: 7}, {Kind: HitMessage, ContactID: 2, EntryID: 9}}},
		{"gis", []Place{{Kind: HitTakeaway, ContactID: 1, InterviewID: 7}}},
		{"engineerdear", nil}, // no match across two texts
		{"  ", nil},
		{"zzz", nil},
	} {
		var got []Place
		for _, h := range x.Find(tc.q, nil) {
			got = append(got, h.Place)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Find(%q) = %+v, want %+v", tc.q, got, tc.want)
		}
	}
}

func TestFindOrdersByKindThenNewest(t *testing.T) {
	var b IndexBuilder
	for _, s := range []SearchSource{
		{Place{Kind: HitNote, InterviewID: 1, Paragraph: 1}, "x"},
		{Place{Kind: HitNote, InterviewID: 2, Paragraph: 0}, "x"},
		{Place{Kind: HitContact, ContactID: 3}, "x"},
		{Place{Kind: HitNote, InterviewID: 1, Paragraph: 0}, "x"},
		{Place{Kind: HitContact, ContactID: 5}, "x"},
	} {
		b.Add(s)
	}
	var got []Place
	for _, h := range b.Build().Find("X", nil) {
		got = append(got, h.Place)
	}
	want := []Place{{Kind: HitContact, ContactID: 5}, {Kind: HitContact, ContactID: 3},
		{Kind: HitNote, InterviewID: 2}, {Kind: HitNote, InterviewID: 1}, {Kind: HitNote, InterviewID: 1, Paragraph: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order = %+v, want %+v", got, want)
	}
}

func TestSnippetShowsTheRawMatchInContext(t *testing.T) {
	x := searchFixture()
	long := strings.Repeat("a", 100)
	var b IndexBuilder
	b.Add(SearchSource{Place{Kind: HitResearch}, long + " Zoë " + long})
	y := b.Build()
	var c IndexBuilder
	c.Add(SearchSource{Place{Kind: HitResearch}, "é target Ⱥ"})
	z := c.Build()
	for _, tc := range []struct {
		x          *NotebookIndex
		q          string
		width      int
		want       string
		match      string
		cutL, cutR bool
	}{
		{x, "nunez", 60, "José Núñez · Planner · Straße GmbH", "Núñez", false, false},
		{x, "strasse", 60, "José Núñez · Planner · Straße GmbH", "Straße", false, false},
		{x, "ss", 60, "José Núñez · Planner · Straße GmbH", "ß", false, false},
		{x, "site", 12, "hen site vis", "site", true, true}, // 8 left over, 4 a side
		{x, "then planning", 60, "Bad byte \xff then planning", "then planning", false, false},
		{x, "weekend", 20, "me after the WEEKEND", "WEEKEND", true, false}, // all before: nothing after
		{y, "zoe", 9, "aa Zoë aa", "Zoë", true, true},
		{x, "learn", 10, "Learn GIS ", "Learn", false, true},
		// One letter folds shorter (é), one longer (Ⱥ to ⱥ): equal
		// lengths, different places.
		{z, "target", 60, "é target Ⱥ", "target", false, false},
	} {
		hits := tc.x.Find(tc.q, nil)
		if len(hits) == 0 {
			t.Errorf("Find(%q): no hit", tc.q)
			continue
		}
		sn := tc.x.Snippet(hits[0], tc.width)
		if sn.Text != tc.want || sn.Text[sn.Start:sn.End] != tc.match || sn.CutBefore != tc.cutL || sn.CutAfter != tc.cutR {
			t.Errorf("Snippet(%q, %d) = %+v (match %q), want %q with match %q, cut %v %v",
				tc.q, tc.width, sn, sn.Text[sn.Start:sn.End], tc.want, tc.match, tc.cutL, tc.cutR)
		}
	}
}

func TestRefineNarrowsToTheSameHits(t *testing.T) {
	x := searchFixture()
	steps := []string{"p", "pl", "pla", "plan", "plann", "pla", "planning", " Planning ", "call", "call m"}
	var prev []Hit
	prevQ := ""
	for _, q := range steps {
		full := x.Find(q, nil)
		refined := x.Refine(q, prevQ, prev, nil)
		if !reflect.DeepEqual(refined, full) {
			t.Errorf("Refine(%q after %q) = %+v, want %+v", q, prevQ, refined, full)
		}
		prev, prevQ = refined, q
	}
}

func TestHitsOfAnOlderIndexAreNotTrusted(t *testing.T) {
	old := searchFixture()
	hits := old.Find("plan", nil)
	var b IndexBuilder
	b.Add(SearchSource{Place{Kind: HitContact, ContactID: 3}, "Planner"})
	x := b.Build()
	got := x.Refine("plann", "plan", hits, nil)
	if len(got) != 1 || got[0].ContactID != 3 {
		t.Errorf("Refine over old hits = %+v, want the new index's one hit", got)
	}
	if sn := x.Snippet(hits[0], 60); sn != (Snippet{}) {
		t.Errorf("Snippet of an old hit = %+v, want none", sn)
	}
	if sn := x.Snippet(Hit{}, 60); sn != (Snippet{}) {
		t.Errorf("Snippet of a zero hit = %+v, want none", sn)
	}
}
