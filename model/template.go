package model

import (
	"fmt"
	"strings"
)

// A template is plain text with placeholders in double braces:
//
//	Dear {{contact.name}},
//	{{#referrer}}
//	{{referrer.name}} suggested I write to you.
//	{{/referrer}}
//	{{^referrer}}
//	I found your name through {{contact.found_via}}.
//	{{/referrer}}
//	{{?what you did with their advice}}
//
// The rules, kept few on purpose so that anyone can edit a template:
//   - {{key}} is one of Placeholders(); spaces inside the braces are allowed.
//   - {{#referrer}}…{{/referrer}} is kept only when the contact was referred
//     and the person who referred them allowed their name to be used
//     (Values.MayNameReferrer); {{^referrer}}…{{/referrer}} is kept exactly
//     when it is not. Blocks do not nest.
//   - {{referrer.name}} may appear only inside {{#referrer}}, so a template
//     cannot name a referrer who has not allowed it.
//   - {{?text}} is a prompt: a visible gap for the user to write in by hand.
//   - A block tag alone on its line takes the whole line with it, so a
//     dropped block leaves no blank line behind.
//   - "{{" always opens a tag and must be closed by "}}" on the same line.

// ParseError says where a template is broken and what is wrong, in words
// fit to show the user. Screens can use Line and Column to put the cursor
// on the problem.
type ParseError struct {
	// Part is "subject" or "body" when the error comes from a TemplateDoc,
	// and "" from Parse.
	Part string
	// Line and Column are 1-based; Column counts characters, not bytes.
	Line, Column int
	// Msg is the problem, such as "this {{ is never closed".
	Msg string
}

// Error is the problem with its place, such as "body, line 3, column 12:
// '{{contact.nmae}}' is not a placeholder Parley knows; …".
func (e *ParseError) Error() string {
	s := fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
	if e.Part != "" {
		s = e.Part + ", " + s
	}
	return s
}

// Template is parsed template text, ready to fill. It is immutable, so one
// parse can fill any number of messages.
type Template struct {
	nodes []node
	// referral records whether the template has a referrer block, which is
	// when a withheld referral is worth explaining to the user.
	referral bool
}

type nodeKind int

const (
	textNode nodeKind = iota
	fieldNode
	blockNode
)

type node struct {
	kind     nodeKind
	text     string      // textNode
	key      Placeholder // fieldNode
	inverted bool        // blockNode: {{^referrer}}
	children []node      // blockNode
}

// parser holds the state of one Parse.
type parser struct {
	src   string
	stack []*openBlock
	root  []node
}

type openBlock struct {
	node node
	off  int // where the opening tag starts, for "never closed"
}

// Parse reads template text. The error, a *ParseError, names the line and
// column of the first problem and says how to fix it.
func Parse(text string) (*Template, error) {
	p := &parser{src: text}
	t := &Template{}
	i := 0
	for {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			p.emit(node{kind: textNode, text: text[i:]})
			break
		}
		start := i + j
		rest := text[start+2:]
		k := strings.Index(rest, "}}")
		if nl := strings.IndexByte(rest, '\n'); k < 0 || (nl >= 0 && nl < k) {
			return nil, p.errorf(start, "this {{ is never closed; a placeholder looks like {{contact.name}}")
		}
		if nxt := strings.Index(rest, "{{"); nxt >= 0 && nxt < k {
			return nil, p.errorf(start, "this {{ is not closed before the next {{ begins")
		}
		end := start + 2 + k + 2
		raw, tag := text[start:end], strings.TrimSpace(rest[:k])

		var n node
		isBlockTag := tag != "" && (tag[0] == '#' || tag[0] == '^' || tag[0] == '/')
		switch {
		case tag == "":
			return nil, p.errorf(start, "'%s' is empty; put a placeholder inside, like {{contact.name}}", raw)
		case isBlockTag:
			name := strings.TrimSpace(tag[1:])
			if name != referrerBlock {
				return nil, p.errorf(start, "'%s' is not a block Parley knows; the only block is {{#referrer}}…{{/referrer}} (or {{^referrer}}…{{/referrer}})", raw)
			}
		case tag[0] == '?':
			if strings.TrimSpace(tag[1:]) == "" {
				return nil, p.errorf(start, "'%s' asks for nothing; write what goes here after the ?, like {{?what you did with their advice}}", raw)
			}
			n = node{kind: fieldNode, key: Placeholder("?" + strings.TrimSpace(tag[1:]))}
		default:
			key := Placeholder(tag)
			if _, ok := lookup(key); !ok {
				msg := fmt.Sprintf("'%s' is not a placeholder Parley knows", raw)
				if s := suggest(tag); len(s) > 0 {
					msg += "; did you mean " + orList(s) + "?"
				} else {
					msg += "; placeholders look like {{contact.name}} or {{my.intro}}"
				}
				return nil, p.errorf(start, "%s", msg)
			}
			if key == phReferrerName && !p.inReferrer() {
				return nil, p.errorf(start, "'%s' can only be used between {{#referrer}} and {{/referrer}}, so a name is used only when that person allowed it", raw)
			}
			n = node{kind: fieldNode, key: key}
		}

		if !isBlockTag {
			p.emit(node{kind: textNode, text: text[i:start]})
			p.emit(n)
			i = end
			continue
		}
		// A block tag alone on its line swallows the line.
		before, after := start, end
		if ls, le, ok := standalone(text, start, end); ok {
			before, after = ls, le
		}
		p.emit(node{kind: textNode, text: text[i:before]})
		i = after
		t.referral = true
		switch tag[0] {
		case '#', '^':
			if len(p.stack) > 0 {
				l, c := position(text, p.stack[0].off)
				return nil, p.errorf(start, "'%s' is inside another referrer block (opened at line %d, column %d); close that one first with {{/referrer}}", raw, l, c)
			}
			p.stack = append(p.stack, &openBlock{node: node{kind: blockNode, inverted: tag[0] == '^'}, off: start})
		case '/':
			if len(p.stack) == 0 {
				return nil, p.errorf(start, "'%s' closes a block that was never opened; open it with {{#referrer}}", raw)
			}
			top := p.stack[len(p.stack)-1]
			p.stack = p.stack[:len(p.stack)-1]
			p.emit(top.node)
		}
	}
	if len(p.stack) > 0 {
		return nil, p.errorf(p.stack[0].off, "this block is never closed; end it with {{/referrer}}")
	}
	t.nodes = p.root
	return t, nil
}

func (p *parser) emit(n node) {
	if n.kind == textNode && n.text == "" {
		return
	}
	if len(p.stack) == 0 {
		p.root = append(p.root, n)
		return
	}
	top := p.stack[len(p.stack)-1]
	top.node.children = append(top.node.children, n)
}

// inReferrer reports whether the parser is inside {{#referrer}}, where a
// referrer's name is known to be allowed.
func (p *parser) inReferrer() bool {
	for _, b := range p.stack {
		if !b.node.inverted {
			return true
		}
	}
	return false
}

func (p *parser) errorf(off int, format string, args ...any) *ParseError {
	l, c := position(p.src, off)
	return &ParseError{Line: l, Column: c, Msg: fmt.Sprintf(format, args...)}
}

// standalone reports whether the tag at [start, end) is the only thing on
// its line but spaces, and if so the span of the whole line including its
// newline.
func standalone(s string, start, end int) (lineStart, lineEnd int, ok bool) {
	lineStart = strings.LastIndexByte(s[:start], '\n') + 1
	lineEnd = len(s)
	if nl := strings.IndexByte(s[end:], '\n'); nl >= 0 {
		lineEnd = end + nl + 1
	}
	blank := func(x string) bool { return strings.Trim(x, " \t\r\n") == "" }
	if !blank(s[lineStart:start]) || !blank(s[end:lineEnd]) {
		return 0, 0, false
	}
	return lineStart, lineEnd, true
}

// Uses lists the placeholders the template asks for, each once, in order
// of first use, so a screen can check before filling what it will need.
func (t *Template) Uses() []Placeholder {
	var out []Placeholder
	seen := map[Placeholder]bool{}
	var walk func([]node)
	walk = func(ns []node) {
		for _, n := range ns {
			switch n.kind {
			case fieldNode:
				if !seen[n.key] {
					seen[n.key] = true
					out = append(out, n.key)
				}
			case blockNode:
				walk(n.children)
			}
		}
	}
	walk(t.nodes)
	return out
}
