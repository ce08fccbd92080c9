package model

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"  Ana  Ruiz ", Query{Words: []string{"ana", "ruiz"}}},
		{`org:"City Council" ana`, Query{Words: []string{"ana"}, Org: []string{"city council"}}},
		{`org:"city co`, Query{Org: []string{"city co"}}},
		{"Tag:Policy tag:local", Query{Tags: []string{"policy", "local"}}},
		{"name:José role:analyst", Query{Name: []string{"jose"}, Role: []string{"analyst"}}},
		{"organization:nhs", Query{Org: []string{"nhs"}}},
		{"org: ana", Query{Words: []string{"ana"}}},
		{"stage:no-reply", Query{Stages: []Stage{NoReply}, stageTerms: 1}},
		{"stage:t", Query{Stages: []Stage{ToContact, Thanked, KeepingInTouch}, stageTerms: 1}},
		{"stage:touch", Query{Stages: []Stage{KeepingInTouch}, stageTerms: 1}},
		{`stage:"request sent" stage:sched`, Query{Stages: []Stage{RequestSent, Scheduled}, stageTerms: 2}},
		{"stage:zzz", Query{stageTerms: 1}},
		{"10:30 http://x", Query{Words: []string{"10:30", "http://x"}}},
		{`"city council"`, Query{Words: []string{"city council"}}},
	} {
		got := ParseQuery(tc.in)
		if len(got.masks) != len(got.Words) {
			t.Errorf("ParseQuery(%q): %d masks for %d words", tc.in, len(got.masks), len(got.Words))
		}
		got.masks = nil // derived; checked by the matching tests
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseQuery(%q) =\n %#v\nwant %#v", tc.in, got, tc.want)
		}
	}
	if !ParseQuery(" org: ").Empty() || ParseQuery("stage:zzz").Empty() {
		t.Error("Empty is wrong")
	}
}

var listContacts = []Contact{
	{ID: 1, Name: "Ana Ruiz", Organisation: "City Council", Role: "Policy analyst", Tags: []string{"policy", "local"}, Stage: RequestSent},
	{ID: 2, Name: "Banana Split", Organisation: "Fruit Co", Role: "Analyst", Notes: "Met at the ana conference."},
	{ID: 3, Name: "José Núñez", Organisation: "Hospital", Role: "Nurse", Tags: []string{"health"}, Stage: Interviewed},
	{ID: 4, Name: "Zoë Park", Organisation: "City Library", Role: "Archivist", Notes: "Knows the council's records office.", Stage: NoReply},
	{ID: 5, Name: "Sam Ng", Organisation: "Council for the Arts", Role: "Programme officer", Tags: []string{"arts", "policymaking"}},
}

func filterIDs(q string) []uint64 {
	x := NewSearchIndex(listContacts)
	var ids []uint64
	for _, i := range x.Filter(ParseQuery(q), x.All(nil), nil) {
		ids = append(ids, listContacts[i].ID)
	}
	return ids
}

func TestFilter(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []uint64
	}{
		{"", []uint64{1, 2, 3, 4, 5}},
		{"ana", []uint64{1, 2}},  // the name's word start beats "banana"; the notes hit is fuzzy in "Banana"
		{"jose", []uint64{3}},    // accents folded
		{"ZOE", []uint64{4}},     // case folded
		{"cncl", []uint64{5, 1}}, // fuzzy; "Council…" starts its field
		{"records", []uint64{4}}, // notes, substring
		{"rcrds", nil},           // notes are not fuzzy
		{"org:city", []uint64{1, 4}},
		{`org:"city c"`, []uint64{1}},
		{"tag:pol", []uint64{1, 5}},
		{"tag:icy", nil},             // tags match by prefix
		{"stage:to", []uint64{2, 5}}, // unset stage counts as to contact
		{"stage:no", []uint64{4}},
		{"stage:zzz", nil},
		{"council stage:to", []uint64{5}},
		{"name:ng", []uint64{5}},
		{"name:ruz", nil},                // a field term starts a word: no scattered letters
		{"org:cil", nil},                 // not inside a word either
		{"org:coun", []uint64{5, 1}},     // "Council for…" starts its field
		{`org:"council f"`, []uint64{5}}, // across words
		{"role:analyst ana", []uint64{1, 2}},
		{"analyst nurse", nil}, // every word must match
	} {
		if got := filterIDs(tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("filter %q = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestFuzzyRanksWordStartsAndRuns(t *testing.T) {
	for _, tc := range []struct{ pat, better, worse string }{
		{"ana", "ana ruiz", "banana"},
		{"ana", "banana ana", "banana"},
		{"cc", "city council", "accord"},
		{"pol", "policy", "p o l"},
		{"ruiz", "ana ruiz", "r u i z"},
	} {
		b, ok1 := fuzzy(tc.pat, tc.better)
		w, ok2 := fuzzy(tc.pat, tc.worse)
		if !ok1 || !ok2 || b <= w {
			t.Errorf("%q: %q scored %d, %q scored %d", tc.pat, tc.better, b, tc.worse, w)
		}
	}
	if _, ok := fuzzy("abc", "acb"); ok {
		t.Error("out-of-order letters matched")
	}
}

func TestSort(t *testing.T) {
	x := NewSearchIndex(listContacts)
	order := x.All(nil)
	ids := func() (out []uint64) {
		for _, i := range order {
			out = append(out, listContacts[i].ID)
		}
		return out
	}
	x.Sort(order, SortByName, nil)
	if got := ids(); !reflect.DeepEqual(got, []uint64{1, 2, 3, 5, 4}) {
		t.Errorf("by name = %v", got)
	}
	x.Sort(order, SortByStage, nil)
	if got := ids(); !reflect.DeepEqual(got, []uint64{2, 5, 1, 3, 4}) {
		t.Errorf("by stage = %v", got)
	}
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	next := []Step{{Due: day(20)}, {}, {Due: day(3), Overdue: true}, {Due: day(20)}, {Kind: StepSendRequest}}
	x.Sort(order, SortByNext, next)
	if got := ids(); !reflect.DeepEqual(got, []uint64{3, 1, 4, 2, 5}) {
		t.Errorf("by next = %v", got)
	}
}

func TestSetReindexes(t *testing.T) {
	x := NewSearchIndex(listContacts)
	c := listContacts[2]
	c.Name = "Joseph Newman"
	x.Set(2, c)
	if got := x.Filter(ParseQuery("newman"), x.All(nil), nil); len(got) != 1 || got[0] != 2 {
		t.Errorf("after Set: %v", got)
	}
}

// benchContacts makes n contacts with realistic field lengths and a
// paragraph of notes each.
func benchContacts(n int) []Contact {
	first := []string{"Ana", "Bo", "Chidi", "Dana", "Eve", "Farid", "Grace", "Hiro", "Ines", "José", "Kofi", "Lena"}
	last := []string{"Ruiz", "Chen", "Okafor", "Smith", "Müller", "Patel", "Nguyen", "García", "Kowalski", "Brown"}
	orgs := []string{"City Council", "General Hospital", "Acme Robotics", "Public Library", "University of Leeds", "Green Energy Co-op", "Museum of Science", "Law Centre"}
	roles := []string{"Policy analyst", "Nurse practitioner", "Software engineer", "Archivist", "Lecturer", "Project manager", "Curator", "Solicitor"}
	tags := []string{"policy", "health", "tech", "local", "research", "energy", "arts", "law"}
	cs := make([]Contact, n)
	for i := range cs {
		cs[i] = Contact{
			ID:           uint64(i + 1),
			Name:         fmt.Sprintf("%s %s %d", first[i%len(first)], last[(i/7)%len(last)], i),
			Organisation: orgs[(i/3)%len(orgs)],
			Role:         roles[(i/5)%len(roles)],
			Tags:         []string{tags[i%len(tags)], tags[(i/11)%len(tags)]},
			Notes: "Moved into the field after ten years elsewhere; runs the graduate scheme and " +
				"mentors new starters. Ask about the reorganisation and what skills they hire for.",
			Stage: stages[i%len(stages)],
		}
	}
	return cs
}

// BenchmarkFilter10k is one keystroke's filtering at 10,000 contacts:
// parse the query, match every contact, rank the hits.
func BenchmarkFilter10k(b *testing.B) {
	cs := benchContacts(10000)
	x := NewSearchIndex(cs)
	order := x.All(nil)
	dst := make([]int, 0, len(cs))
	for _, q := range []string{"a", "ana", "ana ruiz", "cty cncl", "org:city tag:pol", "stage:sched", "zzz", "reorganisation"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				dst = x.Filter(ParseQuery(q), order, dst)
				n = len(dst)
			}
			b.ReportMetric(float64(n), "hits")
		})
	}
}

// BenchmarkIndex10k is building the index, done once per load.
func BenchmarkIndex10k(b *testing.B) {
	cs := benchContacts(10000)
	for b.Loop() {
		NewSearchIndex(cs)
	}
}

func TestFieldTermsMatchWordsNotScatteredLetters(t *testing.T) {
	cs := []Contact{{ID: 1, Name: "Maya Chen", Organisation: "TriMet"},
		{ID: 2, Name: "Lee Ortiz", Organisation: "Metro Regional Government"}}
	x := NewSearchIndex(cs)
	for q, want := range map[string][]int{"org:trimet": {0}, "org:tri": {0}, "org:met": {1}, "org:regional gov": {1}} {
		if got := x.Filter(ParseQuery(q), x.All(nil), nil); !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", q, got, want)
		}
	}
}
