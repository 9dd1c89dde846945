//! The instance the policy schema validates: any `Serialize` value (the article
//! model with its facts), written by a serde serializer into one flat arena that
//! jsonschema reads in place through its custom-representation traits.
//!
//! Why not `serde_json::to_value`: for a model with thousands of sentences that
//! builds a `BTreeMap` with an owned `String` key per field and a copy of every
//! text, then frees it all again; on the benchmark corpus that was about a
//! quarter of the run. Here field names stay `&'static str`, strings go into
//! one buffer, and the buffers of a thread are reused from file to file, so a
//! steady run allocates almost nothing for validation.
//!
//! The arena holds exactly what `serde_json::to_value` would: the same values,
//! object members in the same (sorted) order, a repeated key keeping its last
//! value, non-finite floats as `null`. A test checks the round trip.

use std::borrow::Cow;
use std::fmt;

use rustc_hash::FxHashMap;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, Node, NodeIdentity, Object, cmp};
use serde::ser::{self, Serialize};
use serde_json::{Map, Number, Value};

/// An object member name: a serde field name, or a range of the string buffer.
#[derive(Debug, Clone, Copy)]
enum Key {
    Static(&'static str),
    Text(u32, u32),
}

/// One value; containers and strings are ranges of the arena's buffers.
#[derive(Debug, Clone)]
enum N {
    Null,
    Bool(bool),
    Num(Number),
    Str(u32, u32),
    Arr(u32, u32),
    Obj(u32, u32),
}

/// Past this many nodes (about 24 MB of buffers) a document's buffers are
/// freed rather than kept for the next article of the thread.
const RETAINED_NODES: usize = 1 << 20;

/// A JSON document in flat buffers, reusable after [`Doc::clear`].
#[derive(Debug, Default)]
pub(crate) struct Doc {
    nodes: Vec<N>,
    text: String,
    kids: Vec<u32>,
    members: Vec<(Key, u32)>,
    // Pending children of the containers being written, innermost last.
    kid_stack: Vec<u32>,
    member_stack: Vec<(Key, u32)>,
    /// The sorted order of each struct's members, by the addresses of their
    /// (static) names: a struct's fields arrive in the same order every time,
    /// and sorting them afresh for every node was about 4% of a run. `None`:
    /// already sorted.
    orders: FxHashMap<FieldNames, Option<Box<[u8]>>>,
    scratch: Vec<(Key, u32)>,
}

/// The address and length of each field name of a struct, in the order written.
type FieldNames = Box<[(usize, usize)]>;

/// Structs with more fields than this are sorted each time.
const MAX_CACHED_FIELDS: usize = 32;

/// Why a value could not be written as JSON.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn idx(n: usize) -> u32 {
    u32::try_from(n).expect("instance under 4 GiB")
}

impl Doc {
    /// Forget the contents, keep the capacity.
    pub(crate) fn clear(&mut self) {
        // A huge article's buffers are not kept for the next, small one.
        if self.nodes.capacity() > RETAINED_NODES {
            *self = Self::default();
        }
        self.nodes.clear();
        self.text.clear();
        self.kids.clear();
        self.members.clear();
        self.kid_stack.clear();
        self.member_stack.clear();
    }

    /// Write `value` into the (cleared) document; returns its root.
    pub(crate) fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<NodeRef<'_>, Error> {
        self.clear();
        let i = value.serialize(&mut *self)?;
        Ok(NodeRef { doc: self, i })
    }

    fn push(&mut self, n: N) -> u32 {
        self.nodes.push(n);
        idx(self.nodes.len() - 1)
    }

    fn push_str(&mut self, s: &str) -> u32 {
        let start = idx(self.text.len());
        self.text.push_str(s);
        self.push(N::Str(start, idx(self.text.len())))
    }

    fn key_str(&self, k: Key) -> &str {
        match k {
            Key::Static(s) => s,
            Key::Text(s, e) => &self.text[s as usize..e as usize],
        }
    }

    fn finish_array(&mut self, start: usize) -> u32 {
        let k0 = idx(self.kids.len());
        self.kids.extend(self.kid_stack.drain(start..));
        let n = N::Arr(k0, idx(self.kids.len()));
        self.push(n)
    }

    /// Close an object: members sorted by name (stable) and a repeated name
    /// keeping its last value, as in `serde_json::Map`.
    fn finish_object(&mut self, start: usize) -> u32 {
        let m0 = self.members.len();
        self.members.extend(self.member_stack.drain(start..));
        if self.reorder_known_struct(m0) {
            let n = N::Obj(idx(m0), idx(self.members.len()));
            return self.push(n);
        }
        let Doc { members, text, .. } = self;
        let name = |k: &Key| -> &str {
            match *k {
                Key::Static(s) => s,
                Key::Text(s, e) => &text[s as usize..e as usize],
            }
        };
        let tail = &mut members[m0..];
        if !tail.windows(2).all(|w| name(&w[0].0) < name(&w[1].0)) {
            tail.sort_by(|a, b| name(&a.0).cmp(name(&b.0)));
            let mut w = m0;
            for r in m0..members.len() {
                if w > m0 && name(&members[w - 1].0) == name(&members[r].0) {
                    members[w - 1] = members[r];
                } else {
                    members[w] = members[r];
                    w += 1;
                }
            }
            members.truncate(w);
        }
        let n = N::Obj(idx(m0), idx(self.members.len()));
        self.push(n)
    }

    /// Put the members from `m0` in name order from the cache when they are
    /// a struct's (every name static) with distinct names; false when the
    /// general path must sort them.
    fn reorder_known_struct(&mut self, m0: usize) -> bool {
        let tail = &self.members[m0..];
        if tail.len() < 2 || tail.len() > MAX_CACHED_FIELDS {
            return false;
        }
        let mut names = [(0usize, 0usize); MAX_CACHED_FIELDS];
        for (slot, (k, _)) in names.iter_mut().zip(tail) {
            let Key::Static(s) = k else {
                return false;
            };
            *slot = (s.as_ptr() as usize, s.len());
        }
        let names = &names[..tail.len()];
        if !self.orders.contains_key(names) {
            let mut perm: Vec<u8> = (0..tail.len())
                .filter_map(|i| u8::try_from(i).ok())
                .collect();
            let name = |i: u8| match tail[usize::from(i)].0 {
                Key::Static(s) => s,
                Key::Text(..) => "",
            };
            perm.sort_by(|&a, &b| name(a).cmp(name(b)));
            if perm.windows(2).any(|w| name(w[0]) == name(w[1])) {
                // A repeated name keeps its last value: the general path.
                return false;
            }
            let sorted = perm.iter().enumerate().all(|(i, &p)| usize::from(p) == i);
            let order = (!sorted).then(|| perm.into_boxed_slice());
            self.orders.insert(names.into(), order);
        }
        if let Some(Some(perm)) = self.orders.get(names) {
            self.scratch.clear();
            self.scratch.extend_from_slice(&self.members[m0..]);
            for (dst, &src) in self.members[m0..].iter_mut().zip(perm.iter()) {
                *dst = self.scratch[usize::from(src)];
            }
        }
        true
    }

    /// `{variant: value}`, as serde_json writes non-unit enum variants.
    fn wrap_variant(&mut self, variant: &'static str, value: u32) -> u32 {
        let start = self.member_stack.len();
        self.member_stack.push((Key::Static(variant), value));
        self.finish_object(start)
    }

    fn number(&mut self, n: Option<Number>) -> u32 {
        self.push(n.map_or(N::Null, N::Num))
    }

    fn value_of(&self, i: u32) -> Value {
        match &self.nodes[i as usize] {
            N::Null => Value::Null,
            N::Bool(b) => Value::Bool(*b),
            N::Num(n) => Value::Number(n.clone()),
            N::Str(s, e) => Value::String(self.text[*s as usize..*e as usize].to_string()),
            N::Arr(s, e) => Value::Array(
                self.kids[*s as usize..*e as usize]
                    .iter()
                    .map(|&k| self.value_of(k))
                    .collect(),
            ),
            N::Obj(s, e) => {
                let mut map = Map::new();
                for &(k, v) in &self.members[*s as usize..*e as usize] {
                    map.insert(self.key_str(k).to_string(), self.value_of(v));
                }
                Value::Object(map)
            }
        }
    }
}

/// A container being written.
pub(crate) struct Compound<'d> {
    doc: &'d mut Doc,
    start: usize,
    /// For `{variant: ...}` wrappers.
    variant: Option<&'static str>,
    /// A map key waiting for its value.
    key: Option<Key>,
}

impl<'d> ser::Serializer for &'d mut Doc {
    type Ok = u32;
    type Error = Error;
    type SerializeSeq = Compound<'d>;
    type SerializeTuple = Compound<'d>;
    type SerializeTupleStruct = Compound<'d>;
    type SerializeTupleVariant = Compound<'d>;
    type SerializeMap = Compound<'d>;
    type SerializeStruct = Compound<'d>;
    type SerializeStructVariant = Compound<'d>;

    fn serialize_bool(self, v: bool) -> Result<u32, Error> {
        Ok(self.push(N::Bool(v)))
    }
    fn serialize_i8(self, v: i8) -> Result<u32, Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<u32, Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<u32, Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<u32, Error> {
        Ok(self.number(Some(Number::from(v))))
    }
    fn serialize_i128(self, v: i128) -> Result<u32, Error> {
        match Number::from_i128(v) {
            Some(n) => Ok(self.number(Some(n))),
            None => Err(Error("number out of range".into())),
        }
    }
    fn serialize_u8(self, v: u8) -> Result<u32, Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<u32, Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<u32, Error> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<u32, Error> {
        Ok(self.number(Some(Number::from(v))))
    }
    fn serialize_u128(self, v: u128) -> Result<u32, Error> {
        match Number::from_u128(v) {
            Some(n) => Ok(self.number(Some(n))),
            None => Err(Error("number out of range".into())),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<u32, Error> {
        Ok(self.number(Number::from_f64(f64::from(v))))
    }
    fn serialize_f64(self, v: f64) -> Result<u32, Error> {
        Ok(self.number(Number::from_f64(v)))
    }
    fn serialize_char(self, v: char) -> Result<u32, Error> {
        Ok(self.push_str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<u32, Error> {
        Ok(self.push_str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<u32, Error> {
        let start = self.kid_stack.len();
        for &b in v {
            let n = self.number(Some(Number::from(b)));
            self.kid_stack.push(n);
        }
        Ok(self.finish_array(start))
    }
    fn serialize_none(self) -> Result<u32, Error> {
        Ok(self.push(N::Null))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<u32, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<u32, Error> {
        Ok(self.push(N::Null))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<u32, Error> {
        Ok(self.push(N::Null))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<u32, Error> {
        Ok(self.push_str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<u32, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<u32, Error> {
        let v = value.serialize(&mut *self)?;
        Ok(self.wrap_variant(variant, v))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'d>, Error> {
        let start = self.kid_stack.len();
        Ok(Compound {
            doc: self,
            start,
            variant: None,
            key: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'d>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'d>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'d>, Error> {
        let start = self.kid_stack.len();
        Ok(Compound {
            doc: self,
            start,
            variant: Some(variant),
            key: None,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'d>, Error> {
        let start = self.member_stack.len();
        Ok(Compound {
            doc: self,
            start,
            variant: None,
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'d>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'d>, Error> {
        let start = self.member_stack.len();
        Ok(Compound {
            doc: self,
            start,
            variant: Some(variant),
            key: None,
        })
    }
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.doc)?;
        self.doc.kid_stack.push(v);
        Ok(())
    }

    fn end_array(self) -> u32 {
        let a = self.doc.finish_array(self.start);
        match self.variant {
            Some(variant) => self.doc.wrap_variant(variant, a),
            None => a,
        }
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.doc)?;
        self.doc.member_stack.push((Key::Static(key), v));
        Ok(())
    }

    fn end_object(self) -> u32 {
        let o = self.doc.finish_object(self.start);
        match self.variant {
            Some(variant) => self.doc.wrap_variant(variant, o),
            None => o,
        }
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = u32;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<u32, Error> {
        Ok(self.end_array())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = u32;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<u32, Error> {
        Ok(self.end_array())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = u32;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<u32, Error> {
        Ok(self.end_array())
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = u32;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<u32, Error> {
        Ok(self.end_array())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = u32;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Write the key as a value, keep its text, drop the node: keys are strings,
        // and numbers and booleans become their text, as in serde_json.
        let mark = self.doc.nodes.len();
        let k = key.serialize(&mut *self.doc)?;
        let key = match self.doc.nodes[k as usize].clone() {
            N::Str(s, e) => Key::Text(s, e),
            N::Num(n) => {
                let s = idx(self.doc.text.len());
                self.doc.text.push_str(&n.to_string());
                Key::Text(s, idx(self.doc.text.len()))
            }
            N::Bool(b) => Key::Static(if b { "true" } else { "false" }),
            _ => return Err(Error("key must be a string".into())),
        };
        self.doc.nodes.truncate(mark);
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("map value without a key".into()))?;
        let v = value.serialize(&mut *self.doc)?;
        self.doc.member_stack.push((key, v));
        Ok(())
    }
    fn end(self) -> Result<u32, Error> {
        Ok(self.end_object())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = u32;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<u32, Error> {
        Ok(self.end_object())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = u32;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<u32, Error> {
        Ok(self.end_object())
    }
}

/// The representation jsonschema validates: nodes of a [`Doc`].
pub(crate) struct Arena;

/// A node of a [`Doc`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct NodeRef<'a> {
    doc: &'a Doc,
    i: u32,
}

/// An object node's members.
#[derive(Clone, Copy)]
pub(crate) struct ObjRef<'a> {
    doc: &'a Doc,
    members: &'a [(Key, u32)],
}

/// An array node's elements.
#[derive(Clone, Copy)]
pub(crate) struct ArrRef<'a> {
    doc: &'a Doc,
    kids: &'a [u32],
}

impl<'a> NodeRef<'a> {
    fn n(&self) -> &'a N {
        &self.doc.nodes[self.i as usize]
    }

    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<NodeRef<'a>> {
        let N::Obj(s, e) = *self.n() else { return None };
        self.doc.members[s as usize..e as usize]
            .iter()
            .find(|(k, _)| self.doc.key_str(*k) == key)
            .map(|&(_, v)| NodeRef {
                doc: self.doc,
                i: v,
            })
    }

    /// Element `i` of an array.
    pub(crate) fn at(&self, i: usize) -> Option<NodeRef<'a>> {
        let N::Arr(s, e) = *self.n() else { return None };
        self.doc.kids[s as usize..e as usize]
            .get(i)
            .map(|&k| NodeRef {
                doc: self.doc,
                i: k,
            })
    }

    /// A non-negative integer.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self.n() {
            N::Num(n) => n.as_u64(),
            _ => None,
        }
    }

    /// The node as a `serde_json::Value`.
    pub(crate) fn value(&self) -> Value {
        self.doc.value_of(self.i)
    }
}

impl Json for Arena {
    type Node<'a> = NodeRef<'a>;
    type PreparedKey = String;
    type StringBuffer = Doc;

    const KEYS_PER_LOOKUP: usize = 2;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(buffer: &mut Doc, string: &str, f: impl FnOnce(NodeRef<'_>) -> T) -> T {
        buffer.clear();
        let i = buffer.push_str(string);
        f(NodeRef { doc: buffer, i })
    }
}

impl<'a> Node<'a, Arena> for NodeRef<'a> {
    type Object = ObjRef<'a>;
    type Array = ArrRef<'a>;
    type Number = Number;

    fn as_object(&self) -> Option<ObjRef<'a>> {
        match *self.n() {
            N::Obj(s, e) => Some(ObjRef {
                doc: self.doc,
                members: &self.doc.members[s as usize..e as usize],
            }),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<ArrRef<'a>> {
        match *self.n() {
            N::Arr(s, e) => Some(ArrRef {
                doc: self.doc,
                kids: &self.doc.kids[s as usize..e as usize],
            }),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match *self.n() {
            N::Str(s, e) => Some(Cow::Borrowed(&self.doc.text[s as usize..e as usize])),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<Number> {
        match self.n() {
            N::Num(n) => Some(n.clone()),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.n() {
            N::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.n(), N::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.n() {
            N::Null => JsonType::Null,
            N::Bool(_) => JsonType::Boolean,
            N::Num(_) => JsonType::Number,
            N::Str(..) => JsonType::String,
            N::Arr(..) => JsonType::Array,
            N::Obj(..) => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        // `const` and `enum` compare scalars here without building a Value.
        match (self.n(), expected) {
            (N::Str(s, e), Value::String(x)) => &self.doc.text[*s as usize..*e as usize] == x,
            (N::Str(..), _) => false,
            (N::Bool(b), Value::Bool(x)) => b == x,
            (N::Null, _) => expected.is_null(),
            (N::Num(n), _) => cmp::equal(&Value::Number(n.clone()), expected),
            _ => cmp::equal(&self.value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(self.value())
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::tagged(
            std::ptr::from_ref::<Doc>(self.doc) as usize,
            self.i,
        ))
    }
}

/// Members of an object node.
pub(crate) struct Members<'a> {
    doc: &'a Doc,
    it: std::slice::Iter<'a, (Key, u32)>,
}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, NodeRef<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let &(k, v) = self.it.next()?;
        Some((
            self.doc.key_str(k),
            NodeRef {
                doc: self.doc,
                i: v,
            },
        ))
    }
}

impl<'a> Object<'a, Arena> for ObjRef<'a> {
    type Node = NodeRef<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.members.len()
    }

    fn get(&self, key: &String) -> Option<NodeRef<'a>> {
        self.members
            .iter()
            .find(|(k, _)| self.doc.key_str(*k) == key)
            .map(|&(_, v)| NodeRef {
                doc: self.doc,
                i: v,
            })
    }

    fn members(&self) -> Members<'a> {
        Members {
            doc: self.doc,
            it: self.members.iter(),
        }
    }
}

/// Elements of an array node.
pub(crate) struct Elements<'a> {
    doc: &'a Doc,
    it: std::slice::Iter<'a, u32>,
}

impl<'a> Iterator for Elements<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let &i = self.it.next()?;
        Some(NodeRef { doc: self.doc, i })
    }
}

impl<'a> Array<'a, Arena> for ArrRef<'a> {
    type Node = NodeRef<'a>;
    type ElementsIter = Elements<'a>;

    fn len(&self) -> usize {
        self.kids.len()
    }

    fn elements(&self) -> Elements<'a> {
        Elements {
            doc: self.doc,
            it: self.kids.iter(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn round_trip<T: Serialize>(v: &T) {
        let mut doc = Doc::default();
        let root = doc.write(v).unwrap();
        assert_eq!(root.value(), serde_json::to_value(v).unwrap());
    }

    #[derive(Serialize)]
    #[serde(tag = "type", rename_all = "lowercase")]
    enum Tagged {
        A { z: u8, a: Option<String> },
        B(Inner),
    }

    #[derive(Serialize)]
    struct Inner {
        zeta: f64,
        alpha: Vec<char>,
    }

    #[derive(Serialize)]
    enum External {
        Unit,
        New(i32),
        Tuple(u8, bool),
        Struct { y: (), x: i128 },
    }

    #[test]
    fn same_values_as_serde_json() {
        round_trip(&json!({"b": [1, -2, 3.5, null, true, "x"], "a": {"nested": {}}, "": []}));
        round_trip(&vec![
            Tagged::A { z: 1, a: None },
            Tagged::B(Inner {
                zeta: f64::NAN,
                alpha: vec!['é', 'x'],
            }),
        ]);
        round_trip(&vec![
            External::Unit,
            External::New(-4),
            External::Tuple(2, false),
            External::Struct { y: (), x: 7 },
        ]);
        let mut m = BTreeMap::new();
        m.insert(3u32, "three");
        m.insert(10u32, "ten");
        round_trip(&m);
        round_trip(&(1u64, u64::MAX, i64::MIN, 0.1f32, "bytes"));
    }

    #[test]
    fn struct_members_come_sorted_again_from_the_cache() {
        #[derive(Serialize)]
        struct Fields {
            zeta: u8,
            alpha: u8,
            mid: Option<u8>,
            #[serde(skip_serializing_if = "Option::is_none")]
            beta: Option<u8>,
        }
        let mut doc = Doc::default();
        for (beta, expected) in [
            (None, vec!["alpha", "mid", "zeta"]),
            (Some(1), vec!["alpha", "beta", "mid", "zeta"]),
            (None, vec!["alpha", "mid", "zeta"]),
            (Some(2), vec!["alpha", "beta", "mid", "zeta"]),
        ] {
            let v = Fields {
                zeta: 1,
                alpha: 2,
                mid: None,
                beta,
            };
            let root = doc.write(&v).unwrap();
            let names: Vec<&str> = root
                .as_object()
                .unwrap()
                .members()
                .map(|(k, _)| k)
                .collect();
            assert_eq!(names, expected);
            assert_eq!(root.value(), serde_json::to_value(&v).unwrap());
        }
    }

    #[test]
    fn buffers_are_reused() {
        let mut doc = Doc::default();
        let _ = doc.write(&json!({"a": [1, 2, {"b": "c"}]})).unwrap();
        let root = doc.write(&json!(["x"])).unwrap();
        assert_eq!(root.value(), json!(["x"]));
        assert_eq!(root.at(0).and_then(|n| n.as_string()).as_deref(), Some("x"));
    }
}
