//! Elements built by one out-of-line function each, for views that lay out many elements
//! (statement cards, fifty to a page; charts and their tables). `html!` expands every element in place (its tag,
//! its attribute list, its children), and in the size-optimized build all of it lands in the
//! function of the component that renders it; a call to [`el`] is a few instructions at each
//! place, and what it does is compiled once. Text and attribute values are Yew's, escaped as
//! `html!` escapes them: this is no raw-HTML sink.

use crate::nav::Link;
use std::rc::Rc;
use yew::html::onclick;
use yew::virtual_dom::{
    AttributeOrProperty, Attributes, FullyKeyedState, Listeners, VList, VTag, VText,
};
use yew::{AttrValue, Callback, Html, InputEvent, MouseEvent, NodeRef};

/// `<tag>` with `children`, and the attributes named by `keys` with `values` (same order; a
/// `None` value leaves that attribute out).
#[inline(never)]
pub fn el(
    tag: &'static str,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
    children: Vec<Html>,
) -> Html {
    vtag(tag, keys, values, children).into()
}

fn vtag(
    tag: &'static str,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
    children: Vec<Html>,
) -> VTag {
    let attributes = if keys.is_empty() {
        Attributes::Static(&[])
    } else {
        Attributes::Dynamic {
            keys,
            values: values
                .into_iter()
                .map(|v| v.map(AttributeOrProperty::Attribute))
                .collect(),
        }
    };
    // What html! builds: no lowercasing of the tag, no flattening of the children.
    VTag::__new_other(
        AttrValue::Static(tag),
        NodeRef::default(),
        None,
        attributes,
        Listeners::None,
        VList::__macro_new(children, None, FullyKeyedState::KnownMissingKeys).into(),
    )
}

/// `<tag class="class">` with `children`.
#[inline(never)]
pub fn class(tag: &'static str, class: &'static str, children: Vec<Html>) -> Html {
    el(
        tag,
        &["class"],
        vec![Some(AttrValue::Static(class))],
        children,
    )
}

/// `<tag class="class">` with one text node, `text`.
#[inline(never)]
pub fn class_text(tag: &'static str, class_name: &'static str, text: impl Into<AttrValue>) -> Html {
    class(tag, class_name, vec![VText::new(text).into()])
}

/// A table header cell `<th scope="scope">` (`"row"` or `"col"`) with `children`.
pub fn th(scope: &'static str, children: Vec<Html>) -> Html {
    el(
        "th",
        &["scope"],
        vec![Some(AttrValue::Static(scope))],
        children,
    )
}

/// `<tag>` with `children` and no attribute.
#[inline(never)]
pub fn bare(tag: &'static str, children: Vec<Html>) -> Html {
    el(tag, &[], Vec::new(), children)
}

/// `<a>` to `link` (its `href`, and in an embed its `target` and `rel`; a click navigates in
/// place in the app) with `children`, and a `class` unless empty.
pub fn link(to: Link, class: &'static str, children: Vec<Html>) -> Html {
    link_current(to, class, false, children)
}

/// [`link`], marked `aria-current="true"` when `current` (the chosen one of a set).
#[inline(never)]
pub fn link_current(to: Link, class: &'static str, current: bool, children: Vec<Html>) -> Html {
    link_attrs(
        to,
        &["href", "target", "rel", "class", "aria-current"],
        vec![
            (!class.is_empty()).then_some(AttrValue::Static(class)),
            current.then_some(AttrValue::Static("true")),
        ],
        children,
    )
}

/// [`link`] described by the element whose id is `described_by` (`aria-describedby`: a card's
/// links by its heading), with a `class` unless `None`.
pub fn link_described(
    to: Link,
    class: Option<&'static str>,
    described_by: Option<AttrValue>,
    children: Vec<Html>,
) -> Html {
    link_attrs(
        to,
        &["href", "target", "rel", "class", "aria-describedby"],
        vec![class.map(AttrValue::Static), described_by],
        children,
    )
}

/// `<a>` to `to`: `keys` are `href`, `target` and `rel` (set from `to`), then the attributes
/// whose `values` follow, in the same order (a `None` value leaves that attribute out).
#[inline(never)]
pub fn link_attrs(
    to: Link,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
    children: Vec<Html>,
) -> Html {
    let mut all = vec![Some(AttrValue::from(to.href)), to.target, to.rel];
    all.extend(values);
    let mut a = vtag("a", keys, all, children);
    a.add_listener(Rc::new(onclick::Wrapper::new(to.onclick)));
    a.into()
}

/// `element` (one built by [`el`] or [`class`]) with `onclick`: one listener, which may
/// serve every button inside it (the buttons say what they do in data attributes).
#[inline(never)]
pub fn on_click(mut element: Html, onclick: Callback<MouseEvent>) -> Html {
    // A freshly built element has one owner: no copy (`make_mut` would bring VTag's clone).
    if let Some(tag) = match &mut element {
        Html::VTag(tag) => Rc::get_mut(tag),
        _ => None,
    } {
        tag.add_listener(Rc::new(onclick::Wrapper::new(onclick)));
    }
    element
}

/// `element` (one built by [`el`] or [`class`]) with `oninput`: one listener for every
/// control inside it (an input event bubbles; each control says what it sets in its `name`).
#[inline(never)]
pub fn on_input(mut element: Html, oninput: Callback<InputEvent>) -> Html {
    if let Some(tag) = match &mut element {
        Html::VTag(tag) => Rc::get_mut(tag),
        _ => None,
    } {
        tag.add_listener(Rc::new(yew::html::oninput::Wrapper::new(oninput)));
    }
    element
}

/// A text node.
#[inline(never)]
pub fn text(text: impl Into<AttrValue>) -> Html {
    VText::new(text).into()
}

/// An attribute value from a `String`.
pub fn value(text: String) -> Option<AttrValue> {
    Some(AttrValue::from(text))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_support::render;
    use yew::prelude::*;

    #[component]
    fn Sample() -> Html {
        el(
            "p",
            &["class", "title"],
            vec![Some("x".into()), None],
            vec![
                text("<b>a</b> & "),
                class("span", "y", vec![text(String::from("b"))]),
                bare("em", vec![]),
            ],
        )
    }

    #[tokio::test]
    async fn elements_attributes_and_escaped_text() {
        assert_eq!(
            render::<Sample>(()).await,
            r#"<p class="x">&lt;b&gt;a&lt;/b&gt; &amp; <span class="y">b</span><em></em></p>"#
        );
    }
}
