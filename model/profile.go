package model

import "strings"

// Profile is the user as their messages introduce them. It is asked for the
// first time a message needs it and can be edited later; every template
// draws on it, so one place holds what would otherwise be retyped each time.
type Profile struct {
	// Name is how the user signs their messages.
	Name string `json:"name"`
	// Intro is one sentence about who the user is, such as "I am a
	// second-year civil engineering student at Leeds."
	Intro string `json:"intro"`
	// Exploring names the fields the user is curious about, written to
	// follow "exploring careers in", such as "urban planning".
	Exploring string `json:"exploring"`
	// Contact is how people can reach the user: an email address, a phone
	// number, or both.
	Contact string `json:"contact"`
}

// Complete reports whether every field is filled, so the screens know
// whether to ask for the profile before showing a first message.
func (p Profile) Complete() bool { return len(p.Missing()) == 0 }

// Missing names the empty fields in the words the profile form uses (the
// same words an unfilled placeholder shows), in form order.
func (p Profile) Missing() []string {
	var out []string
	for _, f := range []struct {
		value string
		key   Placeholder
	}{
		{p.Name, phMyName},
		{p.Intro, phMyIntro},
		{p.Exploring, phMyExploring},
		{p.Contact, phMyContact},
	} {
		if strings.TrimSpace(f.value) == "" {
			out = append(out, f.key.Label())
		}
	}
	return out
}

// Trimmed returns the profile with surrounding spaces removed from every
// field, as it should be saved.
func (p Profile) Trimmed() Profile {
	return Profile{
		Name:      strings.TrimSpace(p.Name),
		Intro:     strings.TrimSpace(p.Intro),
		Exploring: strings.TrimSpace(p.Exploring),
		Contact:   strings.TrimSpace(p.Contact),
	}
}
