package questions

import (
	"strings"
	"unicode"
)

// Theme groups questions by what they are about, so the bank screen can
// list them in sections and a balanced plan can cover every part of a
// conversation.
type Theme string

// The themes, in the order an interview usually moves through them.
const (
	ThemePath      Theme = "path"      // their path and motivation
	ThemeWork      Theme = "work"      // the daily work, its challenges and decisions
	ThemeEducation Theme = "education" // education, training and certifications
	ThemeSkills    Theme = "skills"    // skills and qualities valued in new hires
	ThemeTrends    Theme = "trends"    // the field's trends and opportunities
	ThemeAdvice    Theme = "advice"    // advice for someone starting
	ThemeClosing   Theme = "closing"   // referrals, permission, keeping in touch
)

// Themes lists every theme in conversation order. It returns a fresh slice
// each time so callers may sort or trim it.
func Themes() []Theme {
	return []Theme{ThemePath, ThemeWork, ThemeEducation, ThemeSkills, ThemeTrends, ThemeAdvice, ThemeClosing}
}

// Valid reports whether t is one of the known themes.
func (t Theme) Valid() bool {
	for _, k := range Themes() {
		if t == k {
			return true
		}
	}
	return false
}

// Label is the theme's name in plain words, for headings on screen.
func (t Theme) Label() string {
	switch t {
	case ThemePath:
		return "Path and motivation"
	case ThemeWork:
		return "The daily work"
	case ThemeEducation:
		return "Education and training"
	case ThemeSkills:
		return "Skills and qualities"
	case ThemeTrends:
		return "Trends and opportunities"
	case ThemeAdvice:
		return "Advice for starting out"
	case ThemeClosing:
		return "Closing"
	}
	return string(t)
}

// Kind says whether a question asks for facts or for reflection; a good
// plan mixes both.
type Kind string

// The two kinds of question.
const (
	// Practical questions ask how things are done: a typical day, the
	// training that matters, the skills employers look for.
	Practical Kind = "practical"
	// Reflective questions ask what the person thinks or feels: why they
	// chose the path, what they would tell their younger self.
	Reflective Kind = "reflective"
)

// Valid reports whether k is Practical or Reflective.
func (k Kind) Valid() bool { return k == Practical || k == Reflective }

// Label is the kind's name in plain words.
func (k Kind) Label() string {
	switch k {
	case Practical:
		return "Practical"
	case Reflective:
		return "Reflective"
	}
	return string(k)
}

// Question is one entry of the bank, built in or written by the user.
type Question struct {
	// ID is stable for the life of the notebook: "path-01" for built-ins,
	// "u-7" for the user's own. Interviews record it as BankID, so it is
	// never reused for a different question.
	ID    string `json:"id"`
	Text  string `json:"text"`
	Theme Theme  `json:"theme"`
	Kind  Kind   `json:"kind"`
	// Tags are the user's own labels, lower case, without duplicates.
	Tags []string `json:"tags,omitempty"`
	// BuiltIn is true for questions shipped with Parley; those can be
	// edited and hidden but never destroyed.
	BuiltIn bool `json:"built_in,omitempty"`
	// Hidden questions are left out of Bank and of new plans.
	Hidden bool `json:"hidden,omitempty"`
}

// clone returns q with its own copy of Tags, so value semantics hold.
func (q Question) clone() Question {
	q.Tags = append([]string(nil), q.Tags...)
	if len(q.Tags) == 0 {
		q.Tags = nil
	}
	return q
}

// Bank is the question bank the user sees: every built-in question with the
// user's edits applied, followed by the user's own questions, hidden ones
// left out (UserState.Hidden lists those).
//
// Merging is by ID, which is what makes upgrades safe: a built-in added by
// a newer Parley has an ID the state has never seen, so it simply appears;
// one the user hid or deleted keeps its override and stays hidden. A new
// built-in whose text matches one of the user's own questions is left out,
// so the user never sees the same question twice.
func Bank(state UserState) []Question {
	var out []Question
	for _, q := range state.all() {
		if !q.Hidden {
			out = append(out, q)
		}
	}
	return out
}

// Lookup finds a question by ID among qs.
func Lookup(qs []Question, id string) (Question, bool) {
	for _, q := range qs {
		if q.ID == id {
			return q.clone(), true
		}
	}
	return Question{}, false
}

// Filter returns the questions of qs that match every given criterion; a
// zero theme, zero kind or blank text matches everything. Text matches when
// each of its words appears in the question's text or tags, ignoring case
// and accents, so "cert train" finds "certifications … training".
func Filter(qs []Question, theme Theme, kind Kind, text string) []Question {
	words := strings.Fields(NormalizeText(text))
	var out []Question
	for _, q := range qs {
		if theme != "" && q.Theme != theme {
			continue
		}
		if kind != "" && q.Kind != kind {
			continue
		}
		hay := NormalizeText(q.Text + " " + strings.Join(q.Tags, " "))
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, q.clone())
		}
	}
	return out
}

// NormalizeText reduces a question to a comparable form: lower case,
// accents folded, curly quotes straightened, spaces collapsed and trailing
// punctuation dropped. Two questions that differ only in those ways are the
// same question, for duplicate checks and for statistics.
func NormalizeText(s string) string {
	s = foldReplacer.Replace(strings.ToLower(s))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	})
}

// foldReplacer folds the accents and typographic quotes people actually
// type in English questions (résumé, naïve, ’); it is not a full Unicode
// normalisation, which would need a dependency for little gain.
var foldReplacer = strings.NewReplacer(
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"á", "a", "à", "a", "â", "a", "ä", "a",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ç", "c", "ñ", "n",
	"\u2018", "'", "\u2019", "'", "\u201c", "\"", "\u201d", "\"",
	"\u2013", "-", "\u2014", "-",
)

// ParseTags splits what the user typed into tags: separated by commas or
// spaces, a leading '#' dropped, lower case, duplicates removed, order kept.
func ParseTags(s string) []string {
	return cleanTags(strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || unicode.IsSpace(r)
	}))
}

// cleanTags normalises a tag list as ParseTags describes.
func cleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.ToLower(strings.TrimLeft(strings.TrimSpace(t), "#"))
		t = strings.Join(strings.Fields(t), "-")
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}
