package org.newsbrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The README's promises that a file can keep: its pictures and the commands that make them, and its two set-up commands. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    @Test
    void picturesPointAtAPageShapedImageInTheRepository() throws IOException {
        String readme = Files.readString(README);
        Matcher image = Pattern.compile("!\\[[^]]*]\\(([^)]+\\.png)\\)").matcher(readme);

        assertThat(image.find()).as("README shows a picture").isTrue();
        Path picture = Path.of(image.group(1));
        BufferedImage page = ImageIO.read(picture.toFile());
        assertThat(page).as(picture + " is a readable PNG").isNotNull();
        assertThat((double) page.getHeight() / page.getWidth()).as("A4 proportions").isCloseTo(297.0 / 210, org.assertj.core.data.Offset.offset(0.02));
        assertThat(readme).as("the command that makes the picture writes it where the README points")
                .contains("-singlefile out/briefing-2026-11-25.pdf " + image.group(1).replaceAll("\\.png$", ""));
    }

    @Test
    void theOperatorsSectionShowsTheEmailAsAPhoneShowsItAndHowThePictureIsMade() throws IOException {
        String readme = Files.readString(README);
        String operators = readme.substring(readme.indexOf("## Scheduled editions and email"));
        Matcher image = Pattern.compile("!\\[[^]]*]\\((src/site/email\\.png)\\)").matcher(operators);

        assertThat(image.find()).as("the operators' section shows the email").isTrue();
        BufferedImage email = ImageIO.read(Path.of(image.group(1)).toFile());
        assertThat(email).as(image.group(1) + " is a readable PNG").isNotNull();
        assertThat(email.getWidth()).as("a phone's width, at one pixel per CSS pixel").isEqualTo(400);
        assertThat(email.getHeight()).as("the whole message").isGreaterThan(email.getWidth());
        assertThat(operators).as("the commands that make the picture write it where the README points").contains(
                "./newsbrief run --config samples/newsbrief.yaml --date 2026-11-25",
                "./newsbrief email-picture out/outbox/morning-briefing/2026-11-25/chair@example.org.eml --out out/email.pdf",
                "pdftoppm -png -r 96 -singlefile out/email.pdf src/site/email\n");
    }

    @Test
    void setUpCommandsAreTheOnesCiRuns() throws IOException {
        String readme = Files.readString(README);

        assertThat(readme).contains("./newsbrief generate samples --out out", "./mvnw -B verify");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("./mvnw -B verify");
    }
}
