package questions

import (
	"strings"

	"parley/model"
)

// Stat is what past interviews say about one question, for the bank
// screen: how often it was planned, how often it was actually asked, and
// how often its answer earned a star. Each counts interviews, not ticks,
// so a question listed twice in one interview counts once.
type Stat struct {
	Planned int `json:"planned"`
	Asked   int `json:"asked"`
	Starred int `json:"starred"`
}

// add sums two stats.
func (s Stat) add(o Stat) Stat {
	return Stat{Planned: s.Planned + o.Planned, Asked: s.Asked + o.Asked, Starred: s.Starred + o.Starred}
}

// textKeyPrefix starts the keys of questions that did not come from the
// bank; no bank ID contains a colon, so keys never collide.
const textKeyPrefix = "text:"

// StatKey is the key Stats files a checklist question under: its BankID,
// or for a one-off "text:" plus its NormalizeText form, so the same
// one-off typed in several interviews adds up.
func StatKey(q model.Question) string {
	if q.BankID != "" {
		return q.BankID
	}
	return textKeyPrefix + NormalizeText(q.Text)
}

// Stats counts, across interviews, how often each question was planned,
// asked (ticked) and starred. A question's answer counts as starred in an
// interview when the question itself is starred or any note written under
// it (Note.QuestionID) is; stars on notes under no question are not
// counted, since they belong to no question. Keys are StatKey's.
func Stats(interviews []model.Interview) map[string]Stat {
	out := map[string]Stat{}
	for _, iv := range interviews {
		starredNote := map[int]bool{}
		for _, n := range iv.Notes {
			if n.Starred && n.QuestionID != 0 {
				starredNote[n.QuestionID] = true
			}
		}
		seen := map[string]Stat{}
		for _, q := range iv.Questions {
			k := StatKey(q)
			s := seen[k]
			s.Planned = 1
			if q.Asked {
				s.Asked = 1
			}
			if q.Starred || starredNote[q.ID] {
				s.Starred = 1
			}
			seen[k] = s
		}
		for k, s := range seen {
			out[k] = out[k].add(s)
		}
	}
	return out
}

// StatFor is a bank question's line in stats: the count under its ID plus
// any one-offs and older checklists (such as those Starter made, which
// carry no BankID) with the same text, so nothing the user did is lost
// from the picture. A one-off that matches the question and was listed
// alongside it in one interview counts twice; that is rare and harmless.
func StatFor(stats map[string]Stat, q Question) Stat {
	return stats[q.ID].add(stats[textKeyPrefix+NormalizeText(q.Text)])
}

// Tallies turns stats into the lines RankByStars ranks: a bank question
// under its own text (with its one-offs of the same text, as StatFor
// counts them), a one-off the bank does not know under its key's text,
// which is the normalised wording.
func Tallies(stats map[string]Stat, bank []Question) []model.QuestionTally {
	out := make([]model.QuestionTally, 0, len(stats))
	counted := map[string]bool{}
	for _, q := range bank {
		s := StatFor(stats, q)
		counted[q.ID], counted[textKeyPrefix+NormalizeText(q.Text)] = true, true
		if s.Asked > 0 || s.Starred > 0 {
			out = append(out, model.QuestionTally{Key: q.ID, Text: q.Text, Asked: s.Asked, Starred: s.Starred})
		}
	}
	for key, s := range stats {
		if text, oneOff := strings.CutPrefix(key, textKeyPrefix); oneOff && !counted[key] {
			out = append(out, model.QuestionTally{Key: key, Text: text, Asked: s.Asked, Starred: s.Starred})
		}
	}
	return out
}
