package org.newsbrief.render;

import java.util.Map;
import java.util.Objects;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.NonCacheableCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.ITemplateResource;

/** Lets Thymeleaf find templates, and fragments they include, through a {@link TemplateFolder}. */
final class FolderTemplateResolver implements ITemplateResolver {

    private final TemplateFolder templates;

    FolderTemplateResolver(TemplateFolder templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    @Override
    public String getName() {
        return "newsbrief-templates";
    }

    @Override
    public Integer getOrder() {
        return 1;
    }

    @Override
    public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate, String template,
            Map<String, Object> templateResolutionAttributes) {
        String name = template.endsWith(".html") ? template : template + ".html";
        return templates.read(name)
                .map(text -> new TemplateResolution(new NamedResource(templates.describe(name), text), TemplateMode.HTML,
                        NonCacheableCacheEntryValidity.INSTANCE))
                .orElse(null);
    }

    /** A template's text, known by its file name in messages. */
    private record NamedResource(String description, String text) implements ITemplateResource {

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public String getBaseName() {
            return description;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public java.io.Reader reader() {
            return new java.io.StringReader(text);
        }

        @Override
        public ITemplateResource relative(String relativeLocation) {
            throw new UnsupportedOperationException("templates are found through the resolver, not relative paths");
        }
    }
}
