/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/xmlschemas.h>

#include "pv-test-async.h"

/* Keeps an async call's result, for pv_test_wait_result(). */
void
pv_test_store_result_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/**
 * pv_test_wait_result:
 *
 * Returns: (transfer none): the result stored in @slot, once it is there
 */
GAsyncResult *
pv_test_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Removes a scratch directory and everything in it. */
void
pv_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        pv_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/**
 * pv_test_write_temp_file:
 *
 * Returns: (transfer full): a new file in the temporary folder, named
 *   after @name_template (see g_file_new_tmp()), holding @contents; the
 *   test deletes it
 */
GFile *
pv_test_write_temp_file (const char *name_template,
                         const char *contents)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_tmp (name_template, &stream, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

/* Returns 0 when @doc (read by the caller; the test fails where it could
 * not be) is valid against the schema at @xsd, the libxml2 result
 * otherwise. Frees @doc. */
int
pv_test_validate_doc (xmlDoc     *doc,
                      const char *xsd)
{
  xmlSchemaParserCtxt *parser = xmlSchemaNewParserCtxt (xsd);
  xmlSchema *schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxt *valid;
  int rc;

  g_assert_nonnull (schema);
  g_assert_nonnull (doc);
  valid = xmlSchemaNewValidCtxt (schema);
  rc = xmlSchemaValidateDoc (valid, doc);
  xmlSchemaFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);

  return rc;
}
