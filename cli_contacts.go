package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"parley/model"
	"parley/ui/safetext"
)

// foldName lowercases s and drops accents, so "jose" finds "José" when a
// name is typed at a shell.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.TrimSpace(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// maxCandidates is how many contacts an ambiguity error names before it
// says how many more there are, so the error stays one readable line.
const maxCandidates = 5

// findContact picks the one contact that query names: "#ID", else a name
// equal to query (ignoring case, accents and spacing), else the one name
// that contains it. None, or several, is an error that names the
// candidates, so the user can type one of them.
func findContact(contacts []model.Contact, query string) (model.Contact, error) {
	q := foldName(query)
	if q == "" {
		return model.Contact{}, errors.New("a contact's name cannot be empty")
	}
	if id, err := strconv.ParseUint(strings.TrimPrefix(q, "#"), 10, 64); err == nil && strings.HasPrefix(q, "#") {
		for _, c := range contacts {
			if c.ID == id {
				return c, nil
			}
		}
		return model.Contact{}, fmt.Errorf("no contact #%d", id)
	}
	var exact, partial []model.Contact
	for _, c := range contacts {
		switch name := foldName(c.Name); {
		case name == q:
			exact = append(exact, c)
		case strings.Contains(name, q):
			partial = append(partial, c)
		}
	}
	matches := exact
	if len(matches) == 0 {
		matches = partial
	}
	switch len(matches) {
	case 0:
		return model.Contact{}, fmt.Errorf("no contact is called %q", strings.TrimSpace(query))
	case 1:
		return matches[0], nil
	}
	return model.Contact{}, fmt.Errorf("%q could be %s; say which with its #ID", strings.TrimSpace(query), candidates(matches))
}

// candidates names contacts for an error: name, organisation and #ID.
func candidates(cs []model.Contact) string {
	parts := make([]string, 0, maxCandidates+1)
	for i, c := range cs {
		if i == maxCandidates {
			parts = append(parts, fmt.Sprintf("and %d more", len(cs)-i))
			break
		}
		parts = append(parts, describeContact(c))
	}
	return strings.Join(parts, ", ")
}

// describeContact is "Ana Ruiz (City Council) #3", made safe to print.
func describeContact(c model.Contact) string {
	s := safetext.Line(c.Name)
	if c.Organisation != "" {
		s += " (" + safetext.Line(c.Organisation) + ")"
	}
	return fmt.Sprintf("%s #%d", s, c.ID)
}

// findDuplicate returns a contact that c would repeat: one with the same
// email, or the same name and organisation, and says which.
func findDuplicate(contacts []model.Contact, c model.Contact) (model.Contact, string, bool) {
	email := strings.TrimSpace(c.Email)
	name, org := foldName(c.Name), foldName(c.Organisation)
	for _, have := range contacts {
		if email != "" && strings.EqualFold(strings.TrimSpace(have.Email), email) {
			return have, "the same email", true
		}
	}
	for _, have := range contacts {
		if foldName(have.Name) == name && foldName(have.Organisation) == org {
			if org == "" {
				return have, "the same name", true
			}
			return have, "the same name and organisation", true
		}
	}
	return model.Contact{}, "", false
}

// parseStage reads a pipeline stage as typed: any case, with dashes or
// underscores for spaces ("request-sent"), or a unique beginning ("sched").
func parseStage(s string) (model.Stage, error) {
	typed := strings.Join(strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(strings.ToLower(s))), " ")
	var found []model.Stage
	for _, st := range model.Stages() {
		if string(st) == typed {
			return st, nil
		}
		if typed != "" && strings.HasPrefix(string(st), typed) {
			found = append(found, st)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return "", fmt.Errorf("%q is not a stage; the stages are %s", strings.TrimSpace(s), stageNames())
}

// stageNames lists the stages for help and errors, dashed as typed.
func stageNames() string {
	var names []string
	for _, st := range model.Stages() {
		names = append(names, strings.ReplaceAll(string(st), " ", "-"))
	}
	return strings.Join(names, ", ")
}
