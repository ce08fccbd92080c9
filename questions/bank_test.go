package questions

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestBuiltInBank(t *testing.T) {
	qs := BuiltIns()
	if len(qs) < 40 {
		t.Fatalf("only %d built-in questions, want at least 40", len(qs))
	}
	ids := map[string]bool{}
	texts := map[string]bool{}
	themes := map[Theme]map[Kind]int{}
	for _, q := range qs {
		if ids[q.ID] {
			t.Errorf("ID %s used twice", q.ID)
		}
		ids[q.ID] = true
		if !strings.HasPrefix(q.ID, string(q.Theme)+"-") {
			t.Errorf("%s: ID should start with its theme %q", q.ID, q.Theme)
		}
		if n := NormalizeText(q.Text); texts[n] {
			t.Errorf("%s: %q is a duplicate", q.ID, q.Text)
		} else {
			texts[n] = true
		}
		if !strings.HasSuffix(q.Text, "?") {
			t.Errorf("%s: %q does not end with a question mark", q.ID, q.Text)
		}
		if !q.Theme.Valid() || !q.Kind.Valid() {
			t.Errorf("%s: theme %q kind %q", q.ID, q.Theme, q.Kind)
		}
		if !q.BuiltIn || q.Hidden || len(q.Tags) > 0 {
			t.Errorf("%s: built-in flags wrong: %+v", q.ID, q)
		}
		if h := Check(q.Text); h != nil {
			t.Errorf("%s: %q gets hints %v", q.ID, q.Text, h)
		}
		if themes[q.Theme] == nil {
			themes[q.Theme] = map[Kind]int{}
		}
		themes[q.Theme][q.Kind]++
	}
	for _, th := range Themes() {
		if th == ThemeClosing {
			if themes[th][Practical]+themes[th][Reflective] < 3 {
				t.Errorf("closing needs whom-else, use-your-name and contact-again questions")
			}
			continue
		}
		if themes[th][Practical] == 0 || themes[th][Reflective] == 0 {
			t.Errorf("theme %s should have both kinds, has %v", th, themes[th])
		}
	}
}

func TestBuiltInsAreCopies(t *testing.T) {
	a := BuiltIns()
	a[0].Text = "changed"
	if BuiltIns()[0].Text == "changed" {
		t.Fatal("BuiltIns shares memory with the shipped bank")
	}
}

// withBuiltins swaps the shipped bank for a test, as a newer Parley would.
func withBuiltins(t *testing.T, qs []Question) {
	t.Helper()
	old := builtins
	builtins = qs
	t.Cleanup(func() { builtins = old })
}

var (
	v1 = []Question{
		{ID: "path-01", Theme: ThemePath, Kind: Reflective, Text: "How did you start?"},
		{ID: "work-01", Theme: ThemeWork, Kind: Practical, Text: "What is your week like?"},
		{ID: "work-02", Theme: ThemeWork, Kind: Reflective, Text: "What is the best part?"},
	}
	// v2 adds two questions and rewords one.
	v2 = append(append([]Question(nil), v1...),
		Question{ID: "work-03", Theme: ThemeWork, Kind: Practical, Text: "Who do you work with?"},
		Question{ID: "trends-01", Theme: ThemeTrends, Kind: Practical, Text: "Where is the field going?"},
	)
)

func ids(qs []Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}

// mustFor returns a helper that unwraps a (UserState, error) result,
// failing the test on error.
func mustFor(t *testing.T) func(UserState, error) UserState {
	return func(s UserState, err error) UserState {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}

func TestUpgradeMerge(t *testing.T) {
	must := mustFor(t)
	withBuiltins(t, v1)
	s := UserState{}
	s = must(s.Delete("work-02"))
	s = must(s.Hide("path-01"))
	s = must(s.Edit("work-01", "What does your week hold?", ThemeWork, Practical))
	s, own, err := s.Add("Where is the field going?", ThemeTrends, Reflective, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(Bank(s)), []string{"work-01", "u-1"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("v1 bank %v, want %v", got, want)
	}

	// Persist, then open with a newer Parley.
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var loaded UserState
	if err := json.Unmarshal(data, &loaded); err != nil {
		t.Fatal(err)
	}
	withBuiltins(t, v2)
	bank := Bank(loaded)
	// work-03 is new and appears once; trends-01 duplicates the user's own
	// question and stays out; hidden and deleted built-ins stay away.
	if got, want := ids(bank), []string{"work-01", "work-03", "u-1"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("v2 bank %v, want %v", got, want)
	}
	if q, _ := Lookup(bank, "work-01"); q.Text != "What does your week hold?" || !q.BuiltIn {
		t.Errorf("edited built-in lost its edit or flag: %+v", q)
	}
	if q, _ := Lookup(bank, own.ID); q.Text != own.Text || q.BuiltIn {
		t.Errorf("own question changed: %+v", q)
	}
	if got, want := ids(loaded.Hidden()), []string{"path-01", "work-02"}; !reflect.DeepEqual(got, want) {
		t.Errorf("hidden %v, want %v", got, want)
	}
	// The deleted built-in comes back only when asked.
	back := must(loaded.Unhide("work-02"))
	if _, ok := Lookup(Bank(back), "work-02"); !ok {
		t.Error("unhide did not bring work-02 back")
	}
	if _, ok := Lookup(Bank(loaded), "work-02"); ok {
		t.Error("Unhide changed the receiver")
	}
}

func TestOwnIDsNeverReused(t *testing.T) {
	must := mustFor(t)
	withBuiltins(t, v1)
	s, a, _ := UserState{}.Add("First?", ThemeAdvice, Practical, nil)
	s, b, _ := s.Add("Second?", ThemeAdvice, Practical, nil)
	s = must(s.Delete(b.ID))
	s, c, _ := s.Add("Third?", ThemeAdvice, Practical, nil)
	if a.ID != "u-1" || b.ID != "u-2" || c.ID != "u-3" {
		t.Fatalf("IDs %s %s %s, want u-1 u-2 u-3", a.ID, b.ID, c.ID)
	}
	// A state whose counter was lost still never collides.
	s.LastOwnID = 0
	if got := s.NextOwnID(); got != "u-4" {
		t.Errorf("NextOwnID %s, want u-4", got)
	}
	if got := ids(Bank(s)); !reflect.DeepEqual(got, []string{"path-01", "work-01", "work-02", "u-1", "u-3"}) {
		t.Errorf("bank %v", got)
	}
}

func TestEditBuiltInRoundTrip(t *testing.T) {
	must := mustFor(t)
	withBuiltins(t, v1)
	s := must(UserState{}.Edit("path-01", "How did it all begin?", ThemeAdvice, Practical))
	q, _ := Lookup(Bank(s), "path-01")
	if q.Text != "How did it all begin?" || q.Theme != ThemeAdvice || q.Kind != Practical {
		t.Fatalf("edit not applied: %+v", q)
	}
	s = must(s.Edit("path-01", "How did you start?", ThemePath, Reflective))
	if len(s.Overrides) != 0 {
		t.Errorf("editing back should drop the override, have %v", s.Overrides)
	}
}

func TestUserStateErrors(t *testing.T) {
	must := mustFor(t)
	withBuiltins(t, v1)
	s := must(UserState{}.Hide("work-01"))
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"empty", second(s.Add("  ", ThemePath, Practical, nil)), ErrEmptyText},
		{"no theme", second(s.Add("Why?", "", Practical, nil)), ErrTheme},
		{"no kind", second(s.Add("Why?", ThemePath, "", nil)), ErrKind},
		{"duplicate", second(s.Add("how did you START", ThemePath, Practical, nil)), ErrDuplicate},
		{"duplicate of hidden", second(s.Add("What is your week like?", ThemePath, Practical, nil)), ErrDuplicate},
		{"edit unknown", errOf(s.Edit("nope", "Why?", ThemePath, Practical)), ErrNotFound},
		{"edit into duplicate", errOf(s.Edit("path-01", "What is the best part?", ThemePath, Practical)), ErrDuplicate},
		{"tag unknown", errOf(s.SetTags("u-9", nil)), ErrNotFound},
		{"delete unknown", errOf(s.Delete("u-9")), ErrNotFound},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, c.err, c.want)
		}
	}
	if err := second(s.Add("What is your week like?", ThemePath, Practical, nil)); !strings.Contains(err.Error(), "unhide") {
		t.Errorf("duplicate of a hidden question should suggest unhiding: %v", err)
	}
}

func second(_ UserState, _ Question, err error) error { return err }
func errOf(_ UserState, err error) error              { return err }

func TestTagsAndFilter(t *testing.T) {
	must := mustFor(t)
	withBuiltins(t, v1)
	s, own, _ := UserState{}.Add("What does a good mentor look like to you?", ThemeAdvice, Reflective, ParseTags("#Mentors, people  mentors"))
	if !reflect.DeepEqual(own.Tags, []string{"mentors", "people"}) {
		t.Errorf("tags %v", own.Tags)
	}
	s = must(s.SetTags("work-01", []string{"Week", " "}))
	bank := Bank(s)
	cases := []struct {
		theme Theme
		kind  Kind
		text  string
		want  []string
	}{
		{"", "", "", []string{"path-01", "work-01", "work-02", "u-1"}},
		{ThemeWork, "", "", []string{"work-01", "work-02"}},
		{"", Reflective, "", []string{"path-01", "work-02", "u-1"}},
		{"", "", "week", []string{"work-01"}},
		{"", "", "MENTOR good", []string{"u-1"}},
		{ThemeWork, Reflective, "week", nil},
	}
	for _, c := range cases {
		if got := ids(Filter(bank, c.theme, c.kind, c.text)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Filter(%q,%q,%q) = %v, want %v", c.theme, c.kind, c.text, got, c.want)
		}
	}
	s = must(s.SetTags("work-01", nil))
	if len(s.Overrides) != 0 {
		t.Errorf("clearing tags should drop the override: %v", s.Overrides)
	}
}

func TestUserStateValueSemantics(t *testing.T) {
	must := mustFor(t)
	withBuiltins(t, v1)
	s, _, _ := UserState{}.Add("Own?", ThemePath, Practical, []string{"a"})
	s = must(s.SetTags("path-01", []string{"x"}))
	before, _ := json.Marshal(s)
	_ = must(s.SetTags("u-1", []string{"b"}))
	_ = must(s.SetTags("path-01", []string{"y"}))
	_ = must(s.Delete("u-1"))
	_ = must(s.SaveSet(Plan{Name: "A"}))
	after, _ := json.Marshal(s)
	if string(before) != string(after) {
		t.Errorf("methods changed the receiver:\n%s\n%s", before, after)
	}
}

func TestUserStateJSONRoundTrip(t *testing.T) {
	must := mustFor(t)
	s, _, _ := UserState{}.Add("What keeps you curious?", ThemePath, Reflective, []string{"energy"})
	s = must(s.Hide("path-02"))
	s = must(s.Edit("work-01", "What does a normal week hold?", ThemeWork, Practical))
	balanced := Balanced(Bank(s), 0)
	balanced.Name = "Balanced"
	s = must(s.SaveSet(balanced))
	s = must(s.SaveSet(Plan{Name: "Nurses", Items: []Item{{Text: "One-off?", MustAsk: true}}}))
	s = must(s.SetDefault("nurses"))
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var got UserState
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, s) {
		t.Fatalf("round trip differs:\n got %+v\nwant %+v", got, s)
	}
	if !reflect.DeepEqual(Bank(got), Bank(s)) {
		t.Error("bank differs after round trip")
	}
}

func TestNormalizeText(t *testing.T) {
	cases := map[string]string{
		"  Can I send my Résumé?  ": "can i send my resume",
		"What’s   next…":            "what's next",
		"":                          "",
	}
	for in, want := range cases {
		if got := NormalizeText(in); got != want {
			t.Errorf("NormalizeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestThemeAndKindLabels(t *testing.T) {
	for _, th := range Themes() {
		if th.Label() == string(th) || !th.Valid() {
			t.Errorf("theme %q has no label", th)
		}
	}
	if Theme("other").Valid() || Kind("other").Valid() {
		t.Error("unknown values reported valid")
	}
	if Practical.Label() == "" || Reflective.Label() == "" {
		t.Error("kind labels missing")
	}
}
