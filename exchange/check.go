package exchange

import (
	"fmt"
	"strings"

	"parley/model"
)

// check finds what the model's rules refuse and references that lead
// nowhere, each at its line and path.
func (d Document) check() Problems {
	var ps Problems
	add := func(key string, i int, field, msg string) {
		ps = append(ps, Problem{Line: d.at(key, i), Path: fmt.Sprintf("%s[%d]%s", key, i, field), Msg: msg})
	}
	templates := map[string]bool{}
	for i, t := range d.Templates {
		switch {
		case templates[t.ID]:
			add("templates", i, ".id", fmt.Sprintf("%q is used twice", t.ID))
		case !validTemplateID(t.ID):
			add("templates", i, ".id", fmt.Sprintf("%q is neither a built-in template nor %s<number>", t.ID, model.UserTemplatePrefix))
		}
		templates[t.ID] = true
		if err := t.doc().Validate(); err != nil {
			add("templates", i, "", err.Error())
		}
	}
	uniqueID := func(key string, i int, id uint64, seen map[uint64]bool) {
		switch {
		case id == 0:
			add(key, i, ".id", "is missing")
		case seen[id]:
			add(key, i, ".id", fmt.Sprintf("%d is used twice", id))
		}
		seen[id] = true
	}
	contacts := map[uint64]bool{}
	for i, c := range d.Contacts {
		uniqueID("contacts", i, c.ID, contacts)
		if msg := c.Validate(); msg != "" {
			add("contacts", i, "", msg)
		}
	}
	for i, c := range d.Contacts {
		if c.ReferredBy != 0 && !contacts[c.ReferredBy] {
			add("contacts", i, ".referred_by", fmt.Sprintf("names contact %d, who is not in the file", c.ReferredBy))
		}
	}
	interviews := map[uint64]bool{}
	for i, iv := range d.Interviews {
		uniqueID("interviews", i, iv.ID, interviews)
		if !contacts[iv.ContactID] {
			add("interviews", i, ".contact_id", fmt.Sprintf("names contact %d, who is not in the file", iv.ContactID))
		}
		if iv.Scheduled != nil {
			if msg := iv.Scheduled.Validate(); msg != "" {
				add("interviews", i, ".scheduled", msg)
			}
		}
		for j, r := range iv.WrapUp.Referrals {
			if !r.Valid() {
				add("interviews", i, fmt.Sprintf(".wrap_up.referrals[%d].name", j), "is missing")
			}
			if r.ContactID != 0 && !contacts[r.ContactID] {
				add("interviews", i, fmt.Sprintf(".wrap_up.referrals[%d].contact_id", j), fmt.Sprintf("names contact %d, who is not in the file", r.ContactID))
			}
		}
	}
	entries := map[uint64]bool{}
	for i, it := range d.Interactions {
		uniqueID("timeline", i, it.ID, entries)
		if it.ContactID != 0 && !contacts[it.ContactID] {
			add("timeline", i, ".contact_id", fmt.Sprintf("names contact %d, who is not in the file", it.ContactID))
		} else if msg := it.Validate(); msg != "" {
			add("timeline", i, "", msg)
		}
	}
	return ps
}

func validTemplateID(id string) bool {
	if _, ok := model.BuiltInTemplate(id); ok {
		return true
	}
	n, ok := strings.CutPrefix(id, model.UserTemplatePrefix)
	if !ok || n == "" || n[0] == '0' {
		return false
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(n) <= 19
}
