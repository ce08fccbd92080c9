package model

import (
	"strings"
	"unicode/utf8"
)

// Placeholder names a value a template can ask for, written in a template
// as {{key}}, such as {{contact.name}}. The set is fixed (see Placeholders)
// so that a typo is caught when the template is saved, not when a message
// goes out with a hole in it.
//
// A template may also ask the user to write something by hand with a
// prompt, {{?what you did with their advice}}. Prompts are never filled:
// their Placeholder is the prompt text after a leading "?".
type Placeholder string

// The placeholders Parley knows. They are unexported so the set cannot grow
// outside this file; screens list them with Placeholders.
const (
	phMyName           Placeholder = "my.name"
	phMyIntro          Placeholder = "my.intro"
	phMyExploring      Placeholder = "my.exploring"
	phMyContact        Placeholder = "my.contact"
	phContactName      Placeholder = "contact.name"
	phContactFirstName Placeholder = "contact.first_name"
	phContactRole      Placeholder = "contact.role"
	phContactOrg       Placeholder = "contact.org"
	phContactField     Placeholder = "contact.field"
	phContactFoundVia  Placeholder = "contact.found_via"
	phReferrerName     Placeholder = "referrer.name"
	phInterviewDate    Placeholder = "interview.date"
	phTakeaway         Placeholder = "takeaway"
)

// referrerBlock is the one conditional block: {{#referrer}}…{{/referrer}}
// and its opposite {{^referrer}}…{{/referrer}}.
const referrerBlock = "referrer"

// dateLayout writes dates the way a letter would: "Monday 16 November".
const dateLayout = "Monday 2 January"

type placeholderDef struct {
	key   Placeholder
	label string
	help  string
	value func(Values) string
}

var placeholderDefs = []placeholderDef{
	{phMyName, "your name", "Your name, from your profile.",
		func(v Values) string { return v.Profile.Name }},
	{phMyIntro, "your introduction", "Your one-line introduction, from your profile.",
		func(v Values) string { return asSentence(v.Profile.Intro) }},
	{phMyExploring, "fields you are exploring", "The fields you are exploring, from your profile.",
		func(v Values) string { return v.Profile.Exploring }},
	{phMyContact, "how to reach you", "How to reach you, from your profile.",
		func(v Values) string { return v.Profile.Contact }},
	{phContactName, "contact's name", "The contact's full name.",
		func(v Values) string { return v.Contact.Name }},
	{phContactFirstName, "contact's first name", "The first word of the contact's name.",
		func(v Values) string { return firstWord(v.Contact.Name) }},
	{phContactRole, "contact's role", "The contact's role or job title.",
		func(v Values) string { return v.Contact.Role }},
	{phContactOrg, "contact's organisation", "The contact's organisation.",
		func(v Values) string { return v.Contact.Organisation }},
	{phContactField, "contact's field", "The contact's field of work.",
		func(v Values) string { return v.Contact.Field }},
	{phContactFoundVia, "how you found the contact", "How you came across the contact, such as \"the alumni directory\".",
		func(v Values) string { return foundViaPhrase(v.Contact.FoundVia) }},
	{phReferrerName, "referrer's name", "The name of the person who referred you. Only inside {{#referrer}}…{{/referrer}}.",
		func(v Values) string {
			if v.Referrer == nil {
				return ""
			}
			return v.Referrer.Name
		}},
	{phInterviewDate, "interview date", "The day of the interview, such as \"Monday 16 November\".",
		func(v Values) string {
			if v.InterviewDate.IsZero() {
				return ""
			}
			return v.InterviewDate.Format(dateLayout)
		}},
	{phTakeaway, "takeaway from your notes", "A takeaway you pick from your interview notes.",
		func(v Values) string { return v.Takeaway }},
}

// Placeholders lists every placeholder a template may use, in the order the
// template editor's help should show them.
func Placeholders() []Placeholder {
	out := make([]Placeholder, len(placeholderDefs))
	for i, d := range placeholderDefs {
		out[i] = d.key
	}
	return out
}

func lookup(p Placeholder) (placeholderDef, bool) {
	for _, d := range placeholderDefs {
		if d.key == p {
			return d, true
		}
	}
	return placeholderDef{}, false
}

// IsPrompt reports whether p is a prompt for the user to write by hand,
// such as {{?what you did with their advice}}.
func (p Placeholder) IsPrompt() bool { return strings.HasPrefix(string(p), "?") }

// Label is the placeholder in plain words, such as "contact's organisation",
// for warnings and forms. A prompt's label is its own text.
func (p Placeholder) Label() string {
	if p.IsPrompt() {
		return strings.TrimSpace(strings.TrimPrefix(string(p), "?"))
	}
	if d, ok := lookup(p); ok {
		return d.label
	}
	return string(p)
}

// Help is one sentence saying where the value comes from, for the template
// editor's list of placeholders.
func (p Placeholder) Help() string {
	if p.IsPrompt() {
		return "Something for you to write in the message by hand."
	}
	d, _ := lookup(p)
	return d.help
}

// Marker is what a message shows where the value is missing, such as
// "[contact's organisation?]": visible enough that no one sends it by
// accident, and never the raw {{…}} of the template.
func (p Placeholder) Marker() string {
	l := p.Label()
	if !strings.HasSuffix(l, "?") {
		l += "?"
	}
	return "[" + l + "]"
}

// FromProfile reports whether the value comes from the user's profile, so
// the screens can offer to fill the profile in rather than the contact.
func (p Placeholder) FromProfile() bool { return strings.HasPrefix(string(p), "my.") }

// foundViaPhrases turn the form's short source names into words that read
// well after "through" in a letter; the user's own words pass unchanged.
var foundViaPhrases = map[string]string{
	FoundReferral:      "a recommendation",
	FoundKnown:         "someone we both know",
	FoundProfessor:     "one of my professors",
	FoundAssociation:   "a professional directory",
	FoundCareerCentre:  "my career centre",
	FoundOnlineProfile: "your profile online",
	FoundCold:          "my own research into the field",
}

func foundViaPhrase(source string) string {
	if p, ok := foundViaPhrases[strings.TrimSpace(source)]; ok {
		return p
	}
	return source
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// aliases are words people reach for that Parley spells differently.
var aliases = map[string]Placeholder{
	"organisation": phContactOrg, "organization": phContactOrg, "company": phContactOrg,
	"employer": phContactOrg, "title": phContactRole, "job": phContactRole,
	"date": phInterviewDate, "referrer": phReferrerName, "referred_by": phReferrerName,
	"first_name": phContactFirstName, "firstname": phContactFirstName,
}

// suggest finds the placeholders the user probably meant by an unknown
// name: the same last word (name → contact.name, my.name, …), a known
// synonym, or a near spelling.
func suggest(name string) []Placeholder {
	name = strings.ToLower(strings.TrimSpace(name))
	last := name[strings.LastIndex(name, ".")+1:]
	var out []Placeholder
	for _, d := range placeholderDefs {
		if string(d.key) == name {
			return []Placeholder{d.key} // only the case was wrong
		}
	}
	for _, d := range placeholderDefs {
		k := string(d.key)
		if k[strings.LastIndex(k, ".")+1:] == last {
			out = append(out, d.key)
		}
	}
	if len(out) > 0 {
		return out
	}
	if p, ok := aliases[last]; ok {
		return []Placeholder{p}
	}
	best, bestDist := Placeholder(""), 3
	for _, d := range placeholderDefs {
		if dist := editDistance(name, string(d.key)); dist < bestDist {
			best, bestDist = d.key, dist
		}
	}
	if best != "" {
		return []Placeholder{best}
	}
	return nil
}

// editDistance is the Levenshtein distance between a and b, in characters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// orList joins suggestions for a message: "{{a}}", "{{a}} or {{b}}",
// "{{a}}, {{b}} or {{c}}".
func orList(ps []Placeholder) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = "{{" + string(p) + "}}"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// position is the line and 1-based character (not byte) column of byte
// offset off in s, so positions match what the user sees in the editor.
func position(s string, off int) (line, col int) {
	line = 1 + strings.Count(s[:off], "\n")
	start := strings.LastIndexByte(s[:off], '\n') + 1
	return line, utf8.RuneCountInString(s[start:off]) + 1
}

// asSentence ends s with a full stop unless it already ends a sentence:
// the introduction stands before the next sentence of a message ("I am a
// planning student. I am exploring careers in…"), and people type it
// with or without one.
func asSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}
