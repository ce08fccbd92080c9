package questions

import (
	"errors"
	"fmt"
	"strings"
)

// Errors about saved sets; their text is meant to be shown to the user.
var (
	ErrSetName     = errors.New("give the set a name")
	ErrSetNotFound = errors.New("there is no saved set by that name")
)

// SaveSet stores p under its Name, replacing a set of the same name
// (compared without regard to case or surrounding spaces), so "save again"
// updates rather than piling up copies. A set may be empty.
func (s UserState) SaveSet(p Plan) (UserState, error) {
	p = p.clone()
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		return s, ErrSetName
	}
	c := s.clone()
	if i := c.setIndex(p.Name); i >= 0 {
		c.Sets[i] = p
	} else {
		c.Sets = append(c.Sets, p)
	}
	return c, nil
}

// Set returns a copy of the saved set with this name.
func (s UserState) Set(name string) (Plan, bool) {
	if i := s.setIndex(name); i >= 0 {
		return s.Sets[i].clone(), true
	}
	return Plan{}, false
}

// DeleteSet removes a saved set; if it was the default, new interviews go
// back to a balanced pick.
func (s UserState) DeleteSet(name string) (UserState, error) {
	i := s.setIndex(name)
	if i < 0 {
		return s, fmt.Errorf("%w: %q", ErrSetNotFound, name)
	}
	c := s.clone()
	if sameName(c.DefaultSet, c.Sets[i].Name) {
		c.DefaultSet = ""
	}
	c.Sets = append(c.Sets[:i], c.Sets[i+1:]...)
	return c, nil
}

// SetDefault makes the named set the start of every new interview; an
// empty name goes back to a balanced pick from the bank.
func (s UserState) SetDefault(name string) (UserState, error) {
	c := s.clone()
	if strings.TrimSpace(name) == "" {
		c.DefaultSet = ""
		return c, nil
	}
	i := s.setIndex(name)
	if i < 0 {
		return s, fmt.Errorf("%w: %q", ErrSetNotFound, name)
	}
	c.DefaultSet = s.Sets[i].Name
	return c, nil
}

// Default returns a copy of the default set, or nil when there is none;
// its result is what StartingPlan takes.
func (s UserState) Default() *Plan {
	if s.DefaultSet == "" {
		return nil
	}
	p, ok := s.Set(s.DefaultSet)
	if !ok {
		return nil
	}
	return &p
}

func (s UserState) setIndex(name string) int {
	for i, p := range s.Sets {
		if sameName(p.Name, name) {
			return i
		}
	}
	return -1
}

func sameName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}
