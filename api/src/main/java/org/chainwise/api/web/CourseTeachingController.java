package org.chainwise.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.chainwise.api.identity.Actor;
import org.chainwise.api.service.Paging;
import org.chainwise.api.service.PracticeEngine;
import org.chainwise.api.service.notes.Notes;
import org.chainwise.api.service.teaching.CourseStudentsService;
import org.chainwise.api.service.teaching.PracticeSetDraft;
import org.chainwise.api.service.teaching.StudentStanding;
import org.chainwise.api.service.teaching.TeacherPracticeSets;

/**
 * The teachers' api under {@code /api/v1/courses/{courseId}}: the course's practice sets, its learners'
 * standing and its shared research notes. Only an instructor of that very course gets an answer; a learner,
 * or an instructor of another course, gets a 403.
 */
@Controller("/api/v1/courses/{courseId}")
class CourseTeachingController {

    private static final int DEFAULT_NOTES = 100;

    private final TeacherPracticeSets practiceSets;
    private final CourseStudentsService students;
    private final Notes notes;
    private final PracticeEngine engine;

    CourseTeachingController(TeacherPracticeSets practiceSets, CourseStudentsService students, Notes notes,
            PracticeEngine engine) {
        this.practiceSets = practiceSets;
        this.students = students;
        this.notes = notes;
        this.engine = engine;
    }

    /** A practice set as a teacher writes it. */
    @Serdeable
    record PracticeSetRequest(@Nullable String title, @Nullable List<String> skills, @Nullable List<String> families,
            @Nullable CompletionRequest completion) {
    }

    @Serdeable
    record CompletionRequest(@Nullable String rule, @Nullable Double threshold, @Nullable Integer items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StudentsPage(int total, int limit, int offset, List<StudentView> students) {
    }

    /** One learner: {@code misconceptions} lists only those the model believes held (belief at least 0.5). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StudentView(long userId, String name, boolean started, int answers, int correct, String lastAnswerAt,
            List<SkillView> skills, List<MisconceptionView> misconceptions) {

        static StudentView of(StudentStanding s) {
            return new StudentView(s.userId(), s.name(), s.started(), s.answers(), s.correct(),
                    s.lastAnswerAt().map(Object::toString).orElse(null),
                    s.skills().stream().map(k -> new SkillView(k.skill(), k.pMastery(), k.mastered(), k.evidenceCount())).toList(),
                    s.misconceptions().stream().map(m -> new MisconceptionView(m.code(), m.belief(), m.evidenceCount())).toList());
        }
    }

    @Serdeable
    record SkillView(String skill, double pMastery, boolean mastered, int evidenceCount) {
    }

    @Serdeable
    record MisconceptionView(String code, double belief, int evidenceCount) {
    }

    @Get("/practice-sets")
    List<PracticeViews.PracticeSetView> practiceSets(Actor actor, long courseId) {
        return practiceSets.list(actor, courseId).stream().map(PracticeViews.PracticeSetView::of).toList();
    }

    @Post("/practice-sets")
    HttpResponse<PracticeViews.PracticeSetView> createPracticeSet(Actor actor, long courseId, @Body PracticeSetRequest request) {
        actor.requireInstructor().requireCourse(courseId);
        return HttpResponse.created(PracticeViews.PracticeSetView.of(practiceSets.create(actor, courseId, draft(request))));
    }

    @Put("/practice-sets/{setId}")
    PracticeViews.PracticeSetView updatePracticeSet(Actor actor, long courseId, long setId, @Body PracticeSetRequest request) {
        actor.requireInstructor().requireCourse(courseId);
        return PracticeViews.PracticeSetView.of(practiceSets.update(actor, courseId, setId, draft(request)));
    }

    @Get("/students")
    StudentsPage students(Actor actor, long courseId, @Nullable @QueryValue Integer limit,
            @Nullable @QueryValue Integer offset) {
        actor.requireInstructor().requireCourse(courseId);
        StudentStanding.Page page = students.students(actor, courseId, limit, offset);
        return new StudentsPage(page.total(), page.limit(), page.offset(),
                page.students().stream().map(StudentView::of).toList());
    }

    @Get("/notes")
    List<NoteView> sharedNotes(Actor actor, long courseId, @Nullable @QueryValue String object,
            @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        actor.requireInstructor().requireCourse(courseId);
        return notes.shared(actor, courseId, NotesController.objectFilter(object), Paging.of(limit, offset, DEFAULT_NOTES))
                .stream().map(NoteView::of).toList();
    }

    private PracticeSetDraft draft(PracticeSetRequest request) {
        CompletionRequest completion = request.completion();
        if (completion == null) {
            throw ApiException.badRequest("invalid_completion",
                    "completion is required: {\"rule\":\"mastery\",\"threshold\":0.95} or {\"rule\":\"item_count\",\"items\":20}.",
                    "completion");
        }
        return PracticeSetDraft.of(request.title(), request.skills(), request.families(), completion.rule(),
                completion.threshold(), completion.items(), engine.parts().bank());
    }
}
