package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

var (
	fullProfile = Profile{Name: "Sam Okafor", Intro: "I am a final-year geography student.",
		Exploring: "urban planning", Contact: "sam@example.org"}
	referrer = Contact{ID: 7, Name: "Bo Lind", MayMentionName: true}
	ana      = Contact{ID: 9, Name: "Ana Ruiz", Role: "Policy analyst", Organisation: "City Council",
		Field: "public policy", FoundVia: "the alumni directory", ReferredBy: 7}
	day = time.Date(2026, 11, 16, 14, 0, 0, 0, time.UTC)
)

func fullValues() Values {
	r := referrer
	return Values{Profile: fullProfile, Contact: ana, Referrer: &r, InterviewDate: day,
		Takeaway: "Volunteer with a planning committee first."}
}

const letter = `Dear {{contact.first_name}},
{{#referrer}}
{{referrer.name}} suggested I write.
{{/referrer}}
{{^referrer}}
I found you through {{contact.found_via}}.
{{/referrer}}
I would like to hear about your work at {{ contact.org }} since {{interview.date}}.
{{my.name}}`

func TestFill(t *testing.T) {
	tpl, err := Parse(letter)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		change      func(*Values)
		want        string
		missing     []Placeholder
		noteContain string
	}{
		{
			name: "all filled",
			want: "Dear Ana,\nBo Lind suggested I write.\n" +
				"I would like to hear about your work at City Council since Monday 16 November.\nSam Okafor",
		},
		{
			name:   "missing organisation shows a marker and is listed",
			change: func(v *Values) { v.Contact.Organisation = "  " },
			want: "Dear Ana,\nBo Lind suggested I write.\n" +
				"I would like to hear about your work at [contact's organisation?] since Monday 16 November.\nSam Okafor",
			missing: []Placeholder{phContactOrg},
		},
		{
			name:   "referrer did not allow their name",
			change: func(v *Values) { v.Referrer.MayMentionName = false },
			want: "Dear Ana,\nI found you through the alumni directory.\n" +
				"I would like to hear about your work at City Council since Monday 16 November.\nSam Okafor",
			noteContain: "Bo Lind has not said you may use their name",
		},
		{
			name:   "referrer no longer in the notebook",
			change: func(v *Values) { v.Referrer = nil },
			want: "Dear Ana,\nI found you through the alumni directory.\n" +
				"I would like to hear about your work at City Council since Monday 16 November.\nSam Okafor",
			noteContain: "no longer in your notebook",
		},
		{
			name:   "referrer given is not the contact's referrer",
			change: func(v *Values) { v.Referrer.ID = 8 },
			want: "Dear Ana,\nI found you through the alumni directory.\n" +
				"I would like to hear about your work at City Council since Monday 16 November.\nSam Okafor",
			noteContain: "no longer in your notebook",
		},
		{
			name:   "not referred at all: nothing to explain",
			change: func(v *Values) { v.Contact.ReferredBy, v.Referrer = 0, nil },
			want: "Dear Ana,\nI found you through the alumni directory.\n" +
				"I would like to hear about your work at City Council since Monday 16 November.\nSam Okafor",
		},
		{
			name: "profile and interview missing",
			change: func(v *Values) {
				v.Profile = Profile{}
				v.InterviewDate = time.Time{}
				v.Contact.Name = ""
			},
			want: "Dear [contact's first name?],\nBo Lind suggested I write.\n" +
				"I would like to hear about your work at City Council since [interview date?].\n[your name?]",
			missing: []Placeholder{phContactFirstName, phInterviewDate, phMyName},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := fullValues()
			if tc.change != nil {
				tc.change(&v)
			}
			d := tpl.Fill(v)
			if d.Text != tc.want {
				t.Errorf("text:\n%s\nwant:\n%s", d.Text, tc.want)
			}
			if !reflect.DeepEqual(d.Missing, tc.missing) {
				t.Errorf("missing = %v, want %v", d.Missing, tc.missing)
			}
			if strings.Contains(d.Text, "{{") || strings.Contains(d.Text, "}}") {
				t.Errorf("raw placeholder in %q", d.Text)
			}
			notes := strings.Join(d.Notes, "\n")
			if tc.noteContain == "" && notes != "" {
				t.Errorf("unexpected notes: %q", notes)
			}
			if tc.noteContain != "" && !strings.Contains(notes, tc.noteContain) {
				t.Errorf("notes %q lack %q", notes, tc.noteContain)
			}
			if strings.Contains(d.Text, "Bo Lind") && !v.MayNameReferrer() {
				t.Error("named a referrer who did not allow it")
			}
		})
	}
}

func TestMissingIsListedOnceAndPromptsAreGaps(t *testing.T) {
	tpl, err := Parse("{{contact.role}} / {{ contact.role }} / {{? what you did }}")
	if err != nil {
		t.Fatal(err)
	}
	d := tpl.Fill(Values{})
	if want := "[contact's role?] / [contact's role?] / [what you did?]"; d.Text != want {
		t.Errorf("text = %q, want %q", d.Text, want)
	}
	if want := []Placeholder{phContactRole, "?what you did"}; !reflect.DeepEqual(d.Missing, want) {
		t.Errorf("missing = %v, want %v", d.Missing, want)
	}
	d.Text = "Analyst / Analyst / [what you did?]"
	if got := d.StillMissing(); !reflect.DeepEqual(got, []Placeholder{"?what you did"}) {
		t.Errorf("StillMissing after edit = %v", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, text   string
		line, column int
		msg          string
	}{
		{"misspelt", "Dear {{contact.name}},\n\nI work at\n  Café {{contact.nmae}}", 4, 8,
			"'{{contact.nmae}}' is not a placeholder Parley knows; did you mean {{contact.name}}?"},
		{"bare name", "Hi {{name}}", 1, 4,
			"did you mean {{my.name}}, {{contact.name}} or {{referrer.name}}?"},
		{"synonym", "at {{contact.organisation}}", 1, 4, "did you mean {{contact.org}}?"},
		{"no idea", "{{weather}}", 1, 1, "placeholders look like {{contact.name}}"},
		{"unclosed", "Hello {{contact.name,\nthanks", 1, 7, "this {{ is never closed"},
		{"unclosed at end", "Hello {{contact.na", 1, 7, "this {{ is never closed"},
		{"runs into next", "{{contact.name {{my.name}}", 1, 1, "not closed before the next {{"},
		{"empty", "a {{ }} b", 1, 3, "is empty"},
		{"block never closed", "x\n{{#referrer}}\n{{referrer.name}}\n", 2, 1,
			"this block is never closed; end it with {{/referrer}}"},
		{"close without open", "x\ny {{/referrer}}", 2, 3, "closes a block that was never opened"},
		{"nested", "{{#referrer}}\n {{^referrer}}", 2, 2, "opened at line 1, column 1"},
		{"unknown block", "{{#interview}}x{{/interview}}", 1, 1, "not a block Parley knows"},
		{"referrer outside block", "Thanks to {{referrer.name}}", 1, 11,
			"can only be used between {{#referrer}} and {{/referrer}}"},
		{"referrer in inverted block", "{{^referrer}}{{referrer.name}}{{/referrer}}", 1, 14,
			"can only be used between"},
		{"empty prompt", "{{?  }}", 1, 1, "asks for nothing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.text)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if pe.Line != tc.line || pe.Column != tc.column {
				t.Errorf("at line %d, column %d; want %d, %d (%v)", pe.Line, pe.Column, tc.line, tc.column, err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q lacks %q", err, tc.msg)
			}
		})
	}
}

func TestParseErrorSaysWhere(t *testing.T) {
	_, err := Parse("Dear {{contact.name}},\n\nThanks for\nyour time, {{contact.nmae}}")
	want := "line 4, column 12: '{{contact.nmae}}' is not a placeholder Parley knows; did you mean {{contact.name}}?"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	doc := TemplateDoc{Name: "x", Subject: "Hi {{my.nam}}", Body: "ok"}
	if err := doc.Validate(); err == nil || !strings.HasPrefix(err.Error(), "subject, line 1, column 4: ") {
		t.Errorf("doc error = %v", err)
	}
}

func TestInlineBlocksAndPlainText(t *testing.T) {
	tpl, err := Parse("A{{#referrer}} via {{referrer.name}}{{/referrer}}{{^referrer}} direct{{/referrer}}. }} stays")
	if err != nil {
		t.Fatal(err)
	}
	if got := tpl.Fill(fullValues()).Text; got != "A via Bo Lind. }} stays" {
		t.Errorf("allowed: %q", got)
	}
	if got := tpl.Fill(Values{}).Text; got != "A direct. }} stays" {
		t.Errorf("none: %q", got)
	}
	if got, want := tpl.Uses(), []Placeholder{phReferrerName}; !reflect.DeepEqual(got, want) {
		t.Errorf("Uses = %v", got)
	}
}

func TestPlaceholdersAreDocumented(t *testing.T) {
	for _, p := range Placeholders() {
		if p.Label() == string(p) || p.Help() == "" {
			t.Errorf("%s lacks a label or help", p)
		}
		if _, err := Parse("{{#referrer}}{{" + string(p) + "}}{{/referrer}}"); err != nil {
			t.Errorf("%s does not parse: %v", p, err)
		}
	}
}

func TestTakeawayChoicesAndDay(t *testing.T) {
	iv := Interview{Notes: []Note{{Text: "  Start\nsmall.  "}, {Text: "\n"}, {Text: "Ask Jo."}}}
	if got := TakeawayChoices(iv); !reflect.DeepEqual(got, []string{"Start small.", "Ask Jo."}) {
		t.Errorf("choices = %q", got)
	}
	if !InterviewDay(iv).IsZero() {
		t.Error("an interview never started has a day")
	}
	iv.Clock = iv.Clock.Start(day)
	if !InterviewDay(iv).Equal(day) {
		t.Errorf("day = %v", InterviewDay(iv))
	}
}

// The introduction is followed by another sentence in the built-ins, so
// one typed without a full stop gets one.
func TestIntroEndsASentence(t *testing.T) {
	for in, want := range map[string]string{
		"I am a planning student":  "I am a planning student.",
		"I am a planning student.": "I am a planning student.",
		"Am I changing careers?":   "Am I changing careers?",
		"I study planning…":        "I study planning…",
		"  I study planning  ":     "I study planning.",
		"":                         "",
	} {
		if got := asSentence(in); got != want {
			t.Errorf("asSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
