/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "pv-xml.h"

/* Every XML file Provisio reads comes from someone else: a topology
 * exported on another machine, a results file passed around by mail.  So
 * the parser never touches the network (XML_PARSE_NONET), never loads or
 * applies a DTD, never substitutes entities, and a document that carries
 * a DOCTYPE at all is refused as soon as the parser meets it, before any
 * entity declaration is read: billion-laughs and XXE files fail in
 * microseconds.  The size limit is checked before parsing, and
 * XML_PARSE_HUGE is never set, so libxml2's own depth and length limits
 * stay on. */

G_DEFINE_QUARK (pv-xml-error-quark, pv_xml_error)

typedef struct
{
  gboolean saw_dtd;
  gboolean saw_entity;
  int code;
  int line;
  int column;
  char *message;
} ReadState;

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ReadState *state = ctxt->_private;

  /* An external DTD is itself an external entity: stop before anything
   * could fetch it.  An internal subset goes on to its first declaration,
   * so that the error can say whether it declares entities; stopping
   * there happens before any entity is expanded. */
  state->saw_dtd = TRUE;
  if (external_id != NULL || system_id != NULL)
    {
      state->saw_entity = TRUE;
      xmlStopParser (ctxt);
    }
}

static void
on_unparsed_entity_decl (void          *user_data,
                         const xmlChar *name,
                         const xmlChar *public_id,
                         const xmlChar *system_id,
                         const xmlChar *notation_name)
{
  xmlParserCtxt *ctxt = user_data;
  ReadState *state = ctxt->_private;

  state->saw_dtd = TRUE;
  state->saw_entity = TRUE;
  xmlStopParser (ctxt);
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxt *ctxt = user_data;
  ReadState *state = ctxt->_private;

  state->saw_dtd = TRUE;
  state->saw_entity = TRUE;
  xmlStopParser (ctxt);
}

/* Keeps the first error only: later ones are consequences of it. */
static void
on_error (void     *user_data,
          xmlError *error)
{
  ReadState *state = user_data;

  /* Warnings (a relative namespace URI…) do not stop the parse, and
   * would hide the error that does. */
  if (state->message != NULL || error == NULL || error->level == XML_ERR_WARNING)
    return;
  state->code = error->code;
  state->line = error->line;
  state->column = error->int2;
  state->message = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));
}

static gboolean
is_encoding_error (int code)
{
  switch (code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_CHARREF:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_truncation_error (int code)
{
  switch (code)
    {
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_LITERAL_NOT_FINISHED:
    case XML_ERR_COMMENT_NOT_FINISHED:
    case XML_ERR_CDATA_NOT_FINISHED:
    case XML_ERR_PI_NOT_FINISHED:
    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_NAME_TOO_LONG:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_too_large (GError     **error,
               const char  *name,
               gsize        max_size)
{
  g_autofree char *limit = g_format_size (max_size);

  g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_TOO_LARGE,
               /* Translators: %s is a file name, the second %s a size such as “32.0 MB”. */
               _("%s is larger than %s, the most Provisio reads; check that it is the right "
                 "file."), name, limit);
}

/* Whatever libxml2 calls it, an error at the very end of the data means
 * the file stops in the middle of something. */
static gboolean
is_at_end (const char *bytes,
           gsize       size,
           int         line,
           int         column)
{
  const char *end = bytes + size;
  const char *last_line;
  int n_lines = 1;

  while (end > bytes && g_ascii_isspace (end[-1]))
    end--;
  for (const char *p = bytes; p < end; p++)
    if (*p == '\n')
      n_lines++;
  last_line = g_strrstr_len (bytes, end - bytes, "\n");
  last_line = last_line != NULL ? last_line + 1 : bytes;

  return line >= n_lines && column >= (int) g_utf8_strlen (last_line, end - last_line);
}

static void
set_root_error (GError     **error,
                const char  *name,
                const char  *found_name,
                const char  *found_ns,
                const char  *root_name,
                const char  *ns_uri)
{
  if (g_strcmp0 (found_name, root_name) != 0)
    g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_STRUCTURE,
                 /* Translators: %s is a file name, then the element found and the one
                  * expected. */
                 _("%s starts with the element “%s” where “%s” was expected; it is another "
                   "kind of file."), name, found_name != NULL ? found_name : "", root_name);
  else
    g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_NAMESPACE,
                 /* Translators: %s is a file name, then the namespace found and the one
                  * expected. */
                 _("%s is in the namespace “%s” where “%s” was expected; it is another kind "
                   "or version of file."), name, found_ns != NULL ? found_ns : "", ns_uri);
}

/* What the streaming mode of parse() adds to ReadState. */
typedef struct
{
  ReadState state;
  const PvXmlHandlers *handlers;
  gpointer user_data;
  const char *name;
  const char *ns_uri;
  const char *root_name;
  xmlParserCtxt *ctxt;
  GString *text;
  GPtrArray *attributes;
  guint depth;
  GError *error;
} StreamState;

static void
stream_fail (StreamState *stream)
{
  xmlStopParser (stream->ctxt);
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = user_data;
  StreamState *stream = ctxt->_private;

  if (stream->error != NULL)
    return;

  if (stream->depth++ == 0 &&
      (g_strcmp0 ((const char *) localname, stream->root_name) != 0 ||
       g_strcmp0 ((const char *) uri, stream->ns_uri) != 0))
    {
      set_root_error (&stream->error, stream->name, (const char *) localname,
                      (const char *) uri, stream->root_name, stream->ns_uri);
      stream_fail (stream);
      return;
    }

  /* With entity substitution off, libxml2 hands every “&” of an attribute
   * value over as “&#38;” and nothing else that way: undo exactly that. */
  g_ptr_array_set_size (stream->attributes, 0);
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      g_autofree char *raw = g_strndup ((const char *) a[3], a[4] - a[3]);
      g_auto(GStrv) parts = g_strsplit (raw, "&#38;", -1);

      g_ptr_array_add (stream->attributes, g_strdup ((const char *) a[0]));
      g_ptr_array_add (stream->attributes, g_strjoinv ("&", parts));
    }
  g_ptr_array_add (stream->attributes, NULL);
  g_string_truncate (stream->text, 0);

  if (!stream->handlers->start_element (stream->user_data, (const char *) uri,
                                        (const char *) localname,
                                        (const char * const *) stream->attributes->pdata,
                                        xmlSAX2GetLineNumber (ctxt), &stream->error))
    stream_fail (stream);
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = user_data;
  StreamState *stream = ctxt->_private;

  if (stream->error != NULL)
    return;
  stream->depth--;
  if (!stream->handlers->end_element (stream->user_data, (const char *) uri,
                                      (const char *) localname, stream->text->str,
                                      xmlSAX2GetLineNumber (ctxt), &stream->error))
    stream_fail (stream);
  g_string_truncate (stream->text, 0);
}

static void
on_characters (void          *user_data,
               const xmlChar *characters,
               int            len)
{
  xmlParserCtxt *ctxt = user_data;
  StreamState *stream = ctxt->_private;

  g_string_append_len (stream->text, (const char *) characters, len);
}

/* The one parser setup behind pv_xml_read() (@handlers NULL: a tree into
 * @doc) and pv_xml_parse() (a stream of elements into @handlers). */
static gboolean
parse (GBytes               *data,
       const char           *name,
       gsize                 max_size,
       const char           *ns_uri,
       const char           *root_name,
       const PvXmlHandlers  *handlers,
       gpointer              user_data,
       xmlDoc              **doc_out,
       GError              **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  StreamState stream = { { 0 } };
  ReadState *state = &stream.state;
  xmlStructuredErrorFunc previous_handler;
  void *previous_context;
  xmlParserCtxt *ctxt;
  const char *bytes;
  gsize size;
  const char *p;
  gboolean well_formed;

  bytes = g_bytes_get_data (data, &size);
  if (size > max_size)
    {
      set_too_large (error, name, max_size);
      return FALSE;
    }

  for (p = bytes; p != NULL && p < bytes + size && g_ascii_isspace (*p); p++)
    ;
  if (size == 0 || p == bytes + size)
    {
      g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_EMPTY,
                   /* Translators: %s is a file name. */
                   _("%s is empty; export the file again."), name);
      return FALSE;
    }
  if (size > G_MAXINT)
    {
      set_too_large (error, name, G_MAXINT);
      return FALSE;
    }

  ctxt = xmlCreateMemoryParserCtxt (bytes, (int) size);
  if (ctxt == NULL)
    g_error ("libxml2 could not allocate a parser");
  /* ReadState is the first member of StreamState: the DTD hooks see it
   * either way. */
  ctxt->_private = &stream;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = on_internal_subset;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
  if (handlers != NULL)
    {
      stream.handlers = handlers;
      stream.user_data = user_data;
      stream.name = name;
      stream.ns_uri = ns_uri;
      stream.root_name = root_name;
      stream.ctxt = ctxt;
      stream.text = g_string_new (NULL);
      stream.attributes = g_ptr_array_new_with_free_func (g_free);
      ctxt->sax->startElementNs = on_start_element;
      ctxt->sax->endElementNs = on_end_element;
      ctxt->sax->characters = on_characters;
      ctxt->sax->cdataBlock = on_characters;
      ctxt->sax->ignorableWhitespace = on_characters;
      ctxt->sax->comment = NULL;
      ctxt->sax->processingInstruction = NULL;
    }
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA);

  /* The per-thread structured handler, not sax->serror: libxml2 hands
   * sax->serror the context, and nothing reaches stderr this way.  The
   * caller's handler comes back afterwards. */
  previous_handler = xmlStructuredError;
  previous_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (state, on_error);
  xmlParseDocument (ctxt);
  xmlSetStructuredErrorFunc (previous_context, previous_handler);

  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  well_formed = ctxt->wellFormed;
  if (state->message == NULL && ctxt->lastError.code != XML_ERR_OK)
    on_error (state, &ctxt->lastError);
  xmlFreeParserCtxt (ctxt);
  if (stream.text != NULL)
    g_string_free (stream.text, TRUE);
  g_clear_pointer (&stream.attributes, g_ptr_array_unref);

  if (state->saw_dtd)
    {
      g_free (state->message);
      g_clear_error (&stream.error);
      if (state->saw_entity)
        g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_DTD,
                     /* Translators: %s is a file name. */
                     _("%s declares entities in a document type definition (DOCTYPE); Provisio "
                       "refuses them because they can expand without end or read other files. "
                       "Export the file again from its source."), name);
      else
        g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_DTD,
                     /* Translators: %s is a file name. */
                     _("%s has a document type definition (DOCTYPE), which Provisio does not "
                       "read; remove it or export the file again from its source."), name);
      return FALSE;
    }

  if (stream.error != NULL)
    {
      g_free (state->message);
      g_propagate_error (error, stream.error);
      return FALSE;
    }

  if (!well_formed || (handlers == NULL && doc == NULL))
    {
      g_autofree char *detail = state->message != NULL ? state->message : g_strdup ("");
      int line = MAX (state->line, 1);

      if (is_encoding_error (state->code))
        g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_ENCODING,
                     /* Translators: %s is a file name, %d a line, the last %s libxml2's detail. */
                     _("%s, line %d: the text is not in the encoding the file declares (%s); "
                       "save it as UTF-8 and try again."), name, line, detail);
      else if (is_truncation_error (state->code) ||
               (state->code != XML_ERR_DOCUMENT_EMPTY &&
                is_at_end (bytes, size, state->line, state->column)))
        g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_TRUNCATED,
                     /* Translators: %s is a file name, %d a line, the last %s libxml2's detail. */
                     _("%s, line %d: the file ends too early or is cut off (%s); copy or export "
                       "it again."), name, line, detail);
      else
        g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_MALFORMED,
                     /* Translators: %s is a file name, %d a line, the last %s libxml2's detail. */
                     _("%s, line %d: this is not well-formed XML (%s)."), name, line, detail);
      return FALSE;
    }
  g_free (state->message);

  if (handlers == NULL)
    {
      xmlNode *root = xmlDocGetRootElement (doc);

      if (root == NULL || g_strcmp0 ((const char *) root->name, root_name) != 0 ||
          root->ns == NULL || g_strcmp0 ((const char *) root->ns->href, ns_uri) != 0)
        {
          set_root_error (error, name, root != NULL ? (const char *) root->name : NULL,
                          root != NULL && root->ns != NULL ? (const char *) root->ns->href
                                                           : NULL,
                          root_name, ns_uri);
          return FALSE;
        }
      *doc_out = g_steal_pointer (&doc);
    }
  return TRUE;
}

/**
 * pv_xml_read:
 * @data: the whole file
 * @name: the file name for error messages
 * @max_size: the largest file accepted, in bytes
 * @ns_uri: the namespace the root element must be in
 * @root_name: the local name of the root element
 *
 * Parses @data with the hardened settings described above and checks the
 * root element.  Error messages name @name, and the line when libxml2
 * gives one.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
pv_xml_read (GBytes      *data,
             const char  *name,
             gsize        max_size,
             const char  *ns_uri,
             const char  *root_name,
             GError     **error)
{
  xmlDoc *doc = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (ns_uri != NULL && root_name != NULL, NULL);

  if (!parse (data, name, max_size, ns_uri, root_name, NULL, NULL, &doc, error))
    return NULL;
  return doc;
}

/**
 * pv_xml_parse:
 * @handlers: called for each element, in document order
 *
 * Like pv_xml_read(), with the same refusals and messages, but hands the
 * elements to @handlers as the parser meets them instead of building a
 * tree, so that memory does not grow with the file.  The root element is
 * checked before @handlers sees it.  A handler that returns %FALSE with
 * its error set stops the parse, and that error is returned.
 */
gboolean
pv_xml_parse (GBytes              *data,
              const char          *name,
              gsize                max_size,
              const char          *ns_uri,
              const char          *root_name,
              const PvXmlHandlers *handlers,
              gpointer             user_data,
              GError             **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (ns_uri != NULL && root_name != NULL, FALSE);
  g_return_val_if_fail (handlers != NULL, FALSE);

  return parse (data, name, max_size, ns_uri, root_name, handlers, user_data, NULL, error);
}

/**
 * pv_xml_load_file:
 *
 * Reads @file whole, refusing it from its size on disk before reading
 * when it is larger than @max_size.
 */
GBytes *
pv_xml_load_file (GFile         *file,
                  gsize          max_size,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      set_too_large (error, name, max_size);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
pv_xml_is_element (xmlNode    *node,
                   const char *ns_uri,
                   const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, ns_uri) == 0 &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

xmlNode *
pv_xml_next_sibling (xmlNode    *node,
                     const char *ns_uri,
                     const char *name)
{
  for (; node != NULL; node = node->next)
    if (pv_xml_is_element (node, ns_uri, name))
      return node;
  return NULL;
}

xmlNode *
pv_xml_first_child (xmlNode    *node,
                    const char *ns_uri,
                    const char *name)
{
  return node != NULL ? pv_xml_next_sibling (node->children, ns_uri, name) : NULL;
}

/* Returns a g_malloc'd copy so that callers never mix xmlFree and g_free. */
char *
pv_xml_dup_attribute (xmlNode    *node,
                      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

char *
pv_xml_dup_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/**
 * pv_xml_sanitize:
 *
 * XML 1.0 cannot carry most control characters, not even escaped, and a
 * writer that let one through would produce a file no parser reads back.
 * They, and invalid UTF-8, become U+FFFD.  Tab, line feed and carriage
 * return stay.
 *
 * Returns: (transfer full) (nullable): the text fit for XML
 */
char *
pv_xml_sanitize (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  p = text;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xef\xbf\xbd");
          p++;
          continue;
        }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          c == 0xfffe || c == 0xffff || (c >= 0xd800 && c <= 0xdfff))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
